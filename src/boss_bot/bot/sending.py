"""One reply with files (and the caption card): split on 413, the card dropped on a 400."""

from collections.abc import Callable, Sequence
from pathlib import Path

import discord
from loguru import logger

from boss_bot.bot.cards import CardPost
from boss_bot.bot.telling.wants import mentioning
from boss_bot.core.media.names import shown_name
from boss_bot.errors import DownloadFailedError, FailureKind

TOO_LARGE, BAD_REQUEST = 413, 400
Nonce = Callable[[int, int], str]  # (index of the message's first file, file count) -> nonce


async def send_group(
    channel: discord.abc.Messageable,
    group: Sequence[Path],
    reference: discord.MessageReference | None,
    sent: Callable[[int, int], None],
    content: str | None = None,
    *,
    nonce: Nonce,
    first: int = 0,
    ping: int | None = None,
    card: CardPost | None = None,
) -> None:
    """Post ``group`` as one reply (with ``content``); on 413 post its files one per message.

    ``sent`` is called with the number of files and the message's id after each
    message that was posted, so a crash between split messages loses no count.
    ``ping`` is a user to mention (only that user may be pinged); split, only the last
    message mentions them. ``card`` goes on the (first) message with its poster; if
    Discord refuses the card (400), the files go without it. Each message's nonce is
    ``nonce(index of its first file, its file count)``, ``first`` being ``group[0]``'s
    (``bot.nonces``): the 400 made no message, so the files without the card reuse it.

    Raises:
        DownloadFailedError: No permission to attach files, or a single file refused.
    """
    files = [discord.File(path, filename=shown_name(path.name)) for path in group]
    files += card.files() if card else []
    embeds = [card.embed] if card else []
    text = " ".join(filter(None, (f"<@{ping}>" if ping else None, content))) or None
    allowed, once = mentioning(ping), nonce(first, len(group))
    try:
        if reference is None:  # discord.py's overloads take no explicit None
            message = await channel.send(
                content=text, files=files, embeds=embeds, allowed_mentions=allowed, nonce=once
            )
        else:
            message = await channel.send(
                content=text,
                files=files,
                embeds=embeds,
                reference=reference,
                allowed_mentions=allowed,
                nonce=once,
            )
        sent(len(group), message.id)
    except discord.Forbidden as exc:
        raise DownloadFailedError(FailureKind.NO_PERMISSION, str(exc)) from None
    except discord.HTTPException as exc:
        if exc.status == BAD_REQUEST and card is not None:
            logger.warning("Discord refused the caption card ({}); posting without it", exc.text)
            await send_group(
                channel, group, reference, sent, content, nonce=nonce, first=first, ping=ping
            )
            return
        if exc.status != TOO_LARGE:
            raise
        if len(group) == 1:
            raise DownloadFailedError(FailureKind.UPLOAD_REJECTED, str(exc)) from None
        logger.info("Discord answered 413 for {} files; sending them one by one", len(group))
        for n, path in enumerate(group):
            last, with_card = ping if n == len(group) - 1 else None, card if n == 0 else None
            await send_group(
                channel,
                [path],
                reference,
                sent,
                content,
                nonce=nonce,
                first=first + n,
                ping=last,
                card=with_card,
            )
    finally:
        for file in files:
            file.close()
