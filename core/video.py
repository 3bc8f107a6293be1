"""Which video an address points to, read from the address alone.

The embed block plays YouTube and Vimeo videos only after the visitor asks for them, so
the site needs the provider and the video's id without asking the provider (and the
server has no internet access for oEmbed anyway).
"""

import re
from dataclasses import dataclass
from urllib.parse import parse_qs, urlsplit

YOUTUBE_HOSTS = {
    "youtube.com",
    "www.youtube.com",
    "m.youtube.com",
    "youtube-nocookie.com",
    "www.youtube-nocookie.com",
}
YOUTUBE_SHORT_HOST = "youtu.be"
YOUTUBE_PATH_PREFIXES = {"embed", "shorts", "live", "v"}
VIMEO_HOSTS = {"vimeo.com", "www.vimeo.com"}
VIMEO_PLAYER_HOST = "player.vimeo.com"
VIMEO_COLLECTIONS = {"channels", "groups", "album", "showcase"}

YOUTUBE_ID = re.compile(r"[A-Za-z0-9_-]{11}")
VIMEO_ID = re.compile(r"\d{1,12}")
VIMEO_HASH = re.compile(r"[0-9a-f]{6,20}")


@dataclass(frozen=True)
class Video:
    provider: str
    video_id: str
    # An unlisted Vimeo video is playable only with the hash from its address.
    vimeo_hash: str = ""

    @property
    def provider_name(self):
        return "YouTube" if self.provider == "youtube" else "Vimeo"

    @property
    def embed_url(self):
        """The player, loaded only on the visitor's click (hence autoplay)."""
        if self.provider == "youtube":
            return f"https://www.youtube-nocookie.com/embed/{self.video_id}?autoplay=1"
        url = f"https://player.vimeo.com/video/{self.video_id}?dnt=1&autoplay=1"
        return f"{url}&h={self.vimeo_hash}" if self.vimeo_hash else url

    @property
    def watch_url(self):
        """The video's page at the provider, for visitors without JavaScript."""
        if self.provider == "youtube":
            return f"https://www.youtube.com/watch?v={self.video_id}"
        url = f"https://vimeo.com/{self.video_id}"
        return f"{url}/{self.vimeo_hash}" if self.vimeo_hash else url


def parse_video_url(url):
    """The YouTube or Vimeo video at `url`, or None for any other address."""
    try:
        parts = urlsplit((url or "").strip())
    except ValueError:
        return None
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return None
    host = parts.hostname.lower()
    segments = [segment for segment in parts.path.split("/") if segment]
    query = parse_qs(parts.query)
    if host in YOUTUBE_HOSTS:
        if segments == ["watch"]:
            return _youtube(query.get("v", [""])[0])
        if len(segments) == 2 and segments[0] in YOUTUBE_PATH_PREFIXES:
            return _youtube(segments[1])
        return None
    if host == YOUTUBE_SHORT_HOST:
        return _youtube(segments[0]) if len(segments) == 1 else None
    if host == VIMEO_PLAYER_HOST:
        if len(segments) == 2 and segments[0] == "video":
            return _vimeo(segments[1], query.get("h", [""])[0])
        return None
    if host in VIMEO_HOSTS and segments:
        if segments[0] in VIMEO_COLLECTIONS:
            return _vimeo(segments[-1]) if len(segments) >= 3 else None
        if len(segments) <= 2:
            return _vimeo(segments[0], segments[1] if len(segments) == 2 else "")
    return None


def _youtube(video_id):
    return Video("youtube", video_id) if YOUTUBE_ID.fullmatch(video_id) else None


def _vimeo(video_id, vimeo_hash=""):
    if not VIMEO_ID.fullmatch(video_id):
        return None
    if vimeo_hash and not VIMEO_HASH.fullmatch(vimeo_hash):
        return None
    return Video("vimeo", video_id, vimeo_hash)
