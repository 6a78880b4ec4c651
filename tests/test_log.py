"""Logging: loguru format, stdlib interception, traceback rendering, and redaction."""

import io
import json
import logging

from loguru import logger

from boss_bot.log import setup_logging

TOKEN = "MTIzNDU2Nzg5.secret.token-value"


def test_text_logs_redact_the_token_even_in_tracebacks() -> None:
    """The token is masked in messages, bound context and rendered tracebacks."""
    out = io.StringIO()
    redact = setup_logging("DEBUG", "text", secrets=[TOKEN], stream=out)
    logger.bind(job_id="abc123").info("token is {}", TOKEN)
    try:
        raise ValueError(f"bad {TOKEN}")
    except ValueError:
        logger.exception("failed")
    text = out.getvalue()
    assert TOKEN not in text
    assert "[REDACTED]" in text
    assert '"job_id": "abc123"' in text
    assert "ValueError" in text
    assert "Traceback" in text
    assert redact(f"x{TOKEN}y") == "x[REDACTED]y"


def test_stdlib_logging_is_routed_to_loguru() -> None:
    """discord.py's stdlib logging shows up in our sink."""
    out = io.StringIO()
    setup_logging("INFO", "text", stream=out)
    logging.getLogger("discord.client").warning("from discord %s", "lib")
    assert "from discord lib" in out.getvalue()


def test_json_format_is_one_object_a_line() -> None:
    """``LOG_FORMAT=json`` gives parseable lines with level, message and context."""
    out = io.StringIO()
    setup_logging("INFO", "json", secrets=[TOKEN], stream=out)
    logger.bind(guild_id=5).warning("hello {}", TOKEN)
    try:
        1 / 0  # noqa: B018
    except ZeroDivisionError:
        logger.exception("oops")
    lines = [json.loads(line) for line in out.getvalue().splitlines()]
    assert lines[0]["level"] == "WARNING"
    assert lines[0]["message"] == "hello [REDACTED]"
    assert lines[0]["guild_id"] == 5
    assert "ZeroDivisionError" in lines[1]["exception"]


def test_the_log_file_is_written_and_redacted(tmp_path) -> None:
    """With a log file, text lines land there too, token masked, tracebacks included."""
    from boss_bot.log import LogFile

    path = tmp_path / "boss-bot.log"
    setup_logging("INFO", "text", secrets=[TOKEN], stream=io.StringIO(), file=LogFile(path))
    logger.bind(job_id="abc123").info("token is {}", TOKEN)
    try:
        raise ValueError(f"bad {TOKEN}")
    except ValueError:
        logger.exception("failed")
    logger.remove()  # closes the file
    text = path.read_text()
    assert TOKEN not in text
    assert text.count("[REDACTED]") >= 2
    assert '"job_id": "abc123"' in text
    assert "ValueError" in text
