"""gallery-dl's failures: its exception classes' messages and the status bits they set."""

import types

import pytest
from gallery_dl import exception as gdl

from boss_bot.downloaders.libraries.classify import kind_for_status_bits
from boss_bot.errors.kinds import FailureKind as K


def _response(status: int, reason: str) -> object:
    return types.SimpleNamespace(status_code=status, reason=reason, url="https://x.com/login/1")


@pytest.mark.parametrize(
    ("exc", "kind"),
    [
        (gdl.HttpError(response=_response(404, "Not Found")), K.NOT_FOUND),
        (gdl.HttpError(response=_response(503, "Service Unavailable")), K.SERVER_ERROR),
        (gdl.HttpError(response=_response(429, "Too Many Requests")), K.RATE_LIMITED),
        (gdl.NotFoundError("post"), K.NOT_FOUND),
        (gdl.AuthRequired("cookies", "post"), K.LOGIN_REQUIRED),
        (gdl.AuthRequired(message="Protected Tweet"), K.LOGIN_REQUIRED),
        (gdl.AuthorizationError(), K.LOGIN_REQUIRED),
        (gdl.AuthenticationError(), K.LOGIN_REQUIRED),
        (gdl.HttpError(response=_response(401, "Unauthorized")), K.LOGIN_REQUIRED),
        (gdl.HttpError(response=_response(403, "Forbidden")), K.FORBIDDEN),
        (gdl.ChallengeError("Cloudflare challenge", _response(403, "Forbidden")), K.CHALLENGE),
    ],
)
def test_gallerydl_errors(exc: gdl.GalleryDLException, kind: K) -> None:
    """gallery-dl's message and status bits decide."""
    assert kind_for_status_bits(exc.code, f"{type(exc).__name__}: {exc}") is kind


def test_gallerydl_status_bits_alone() -> None:
    """With nothing useful logged, the status bits still say auth or network."""
    assert kind_for_status_bits(16, "") is K.LOGIN_REQUIRED
    assert kind_for_status_bits(128, "") is K.NETWORK
    assert kind_for_status_bits(4, "") is K.UNKNOWN
    assert kind_for_status_bits(128, "OSError: [Errno 28] No space left on device") is K.UNKNOWN
