"""Fixtures of the translation workflow's tests: a LibreTranslate stand-in on loopback."""

import socket

import pytest

from tests.translations.helpers import LibreTranslateStandIn, libretranslate_setting

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
def outgoing_connections(monkeypatch):
    """Every address a socket of this process is asked to connect to during the test."""
    made = []
    connect = socket.socket.connect

    def recorded(sock, address):
        made.append(address)
        return connect(sock, address)

    monkeypatch.setattr(socket.socket, "connect", recorded)
    return made
