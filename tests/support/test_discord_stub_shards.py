"""The stub's sharding, over a raw gateway websocket: READY per shard, routing, 4010."""

from __future__ import annotations

import json
from typing import Any

import aiohttp

from .discord_stub import DiscordStub


async def _identify(session: aiohttp.ClientSession, stub: DiscordStub, shard: Any):
    ws = await session.ws_connect(stub.gateway_url)
    assert json.loads((await ws.receive()).data)["op"] == 10  # HELLO
    await ws.send_json({"op": 2, "d": {"token": "t", "intents": 0, "shard": shard}})
    return ws


async def _dispatches(ws: aiohttp.ClientWebSocketResponse, count: int) -> list[dict[str, Any]]:
    frames = []
    while len(frames) < count:
        frame = json.loads((await ws.receive(timeout=5)).data)
        if frame["op"] == 0:
            frames.append(frame)
    return frames


async def test_each_shard_gets_its_guilds_and_their_messages_only() -> None:
    """READY lists a shard's guilds, by ``(id >> 22) % count``; a message reaches its shard."""
    async with DiscordStub() as stub, aiohttp.ClientSession() as session:
        first_on = (stub.guild_id >> 22) % 2
        other, channel = stub.add_guild(shard_id=1 - first_on, shard_count=2)
        sockets = [await _identify(session, stub, [i, 2]) for i in (0, 1)]
        guilds = [stub.guild_id, other] if first_on == 0 else [other, stub.guild_id]
        for ws, guild in zip(sockets, guilds, strict=True):
            ready, created = await _dispatches(ws, 2)
            assert [g["id"] for g in ready["d"]["guilds"]] == [str(guild)]
            assert (created["t"], created["d"]["id"]) == ("GUILD_CREATE", str(guild))
        await stub.send_user_message("$ping", channel_id=channel)
        await stub.send_user_message("$ping")  # in the first guild
        for ws, guild in zip(sockets, guilds, strict=True):
            (message,) = await _dispatches(ws, 1)
            assert (message["t"], message["d"]["guild_id"]) == ("MESSAGE_CREATE", str(guild))
        for ws in sockets:
            await ws.close()


async def test_a_shard_id_not_below_the_count_is_closed_4010() -> None:
    """IDENTIFY with ``shard: [2, 2]`` is refused as Discord does: close code 4010."""
    async with DiscordStub() as stub, aiohttp.ClientSession() as session:
        ws = await _identify(session, stub, [2, 2])
        await ws.receive(timeout=5)
        assert ws.close_code == 4010
