"""Fixtures of the translation workflow's tests: LibreTranslate and DeepL stand-ins on loopback."""

import socket

import pytest

from tests.translations.helpers import (
    DEEPL_KEY,
    DeepLStandIn,
    LibreTranslateStandIn,
    deepl_setting,
    libretranslate_setting,
)

API_KEY = "stand-in-key"


@pytest.fixture
def libretranslate():
    """A LibreTranslate stand-in listening on 127.0.0.1 (an ephemeral port), not configured."""
    with LibreTranslateStandIn(api_key=API_KEY) as stand_in:
        yield stand_in


@pytest.fixture
def machine_translation(settings, libretranslate):
    """Machine translation configured from the environment to use the stand-in."""
    settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR = libretranslate_setting(
        libretranslate.url, api_key=API_KEY, timeout="1"
    )
    return libretranslate


@pytest.fixture
def deepl(settings):
    """Machine translation configured from the environment to use DeepL, its API a stand-in
    listening on 127.0.0.1."""
    with DeepLStandIn(api_key=DEEPL_KEY) as stand_in:
        settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR = deepl_setting(
            stand_in.url, DEEPL_KEY, timeout="1"
        )
        yield stand_in


@pytest.fixture
def outgoing_connections(monkeypatch):
    """Every address a socket of this process is asked to connect to during the test."""
    made = []
    connect = socket.socket.connect

    def recorded(sock, address):
        made.append(address)
        return connect(sock, address)

    monkeypatch.setattr(socket.socket, "connect", recorded)
    return made
