"""The websocket gateway: HELLO, heartbeats, IDENTIFY/RESUME and event dispatch."""

from __future__ import annotations

import asyncio
import contextlib
import json
import uuid
from typing import Any

from aiohttp import WSMsgType, web

from . import _gateway_payloads as GW
from . import _shards as S
from ._models import GatewayConn as _Conn
from ._state import StubState
from ._web import log


class Gateway:
    """Serves ``/gateway`` and fans events out to every identified bot connection.

    Args:
        state: Shared stub state.
        heartbeat_interval: Milliseconds announced in HELLO.
    """

    def __init__(self, state: StubState, heartbeat_interval: int = 41250) -> None:
        self.state, self.heartbeat_interval, self.url = state, heartbeat_interval, ""
        self.conns: set[_Conn] = set()
        self.sessions: dict[str, int] = {}
        self.shards: dict[str, S.Shard | None] = {}  # by session, for RESUME

    @property
    def live(self) -> list[_Conn]:
        """Connections that completed IDENTIFY or RESUME."""
        return [c for c in self.conns if c.session_id is not None and not c.ws.closed]

    async def handle(self, request: web.Request) -> web.WebSocketResponse:
        """Run one gateway websocket until it closes."""
        ws = web.WebSocketResponse(max_msg_size=0, timeout=2.0)
        await ws.prepare(request)
        conn = _Conn(ws)
        self.conns.add(conn)
        self.state.record("gateway_connect", query=dict(request.query))
        if request.query.get("encoding", "json") != "json":
            log.warning("discord stub: only encoding=json is supported")
        await self._send(conn, 10, {"heartbeat_interval": self.heartbeat_interval})
        try:
            async for msg in ws:
                if msg.type is WSMsgType.TEXT:
                    await self._on_message(conn, json.loads(msg.data))
        finally:
            self.conns.discard(conn)
            self.state.record("gateway_disconnect", session_id=conn.session_id)
        return ws

    async def _on_message(self, conn: _Conn, msg: dict[str, Any]) -> None:
        op, data = msg.get("op"), msg.get("d")
        if op == 1:
            await self._send(conn, 11)
            if conn.pending and isinstance(data, int) and data >= conn.pending[0]:
                conn.confirmed, kind, conn.pending = True, conn.pending[1], None
                self.state.record(kind, session_id=conn.session_id, seq=data)
        elif op == 2:
            await self._identify(conn, data or {})
        elif op == 6:
            await self._resume(conn, data or {})
        elif op == 8:
            chunk = GW.members_chunk(self.state, (data or {}).get("nonce"))
            await self._send(conn, 0, chunk, "GUILD_MEMBERS_CHUNK")
        elif op not in (3, 4):
            log.warning("discord stub: ignoring gateway op %s", op)

    async def _identify(self, conn: _Conn, data: dict[str, Any]) -> None:
        self.state.record("identify", intents=data.get("intents"), shard=data.get("shard"))
        if not await S.take_shard(conn, data.get("shard")):
            return
        conn.session_id, conn.seq = uuid.uuid4().hex, 0
        self.shards[conn.session_id] = conn.shard
        opening = GW.opening(self.state, conn.session_id, self.url, data.get("shard"), conn.shard)
        for event, payload in opening:
            await self._send(conn, 0, payload, event)
        await self._confirm(conn, "ready")

    async def _resume(self, conn: _Conn, data: dict[str, Any]) -> None:
        session_id = data.get("session_id")
        if session_id not in self.sessions:
            await self._send(conn, 9, False)
            return
        conn.session_id, conn.seq = session_id, self.sessions[session_id]
        conn.shard = self.shards.get(session_id)
        await self._send(conn, 0, {}, "RESUMED")
        await self._confirm(conn, "resume")

    async def _confirm(self, conn: _Conn, kind: str) -> None:
        """Request a heartbeat; a `d` >= seq proves the bot parsed our events: record `kind`."""
        conn.pending = (conn.seq, kind)
        await self._send(conn, 1)

    async def _send(self, conn: _Conn, op: int, data: Any = None, event: str | None = None) -> None:
        async with conn.lock:
            frame: dict[str, Any] = {"op": op, "d": data, "s": None, "t": event}
            if op == 0:
                conn.seq += 1
                frame["s"] = conn.seq
                self.sessions[conn.session_id or ""] = conn.seq
            with contextlib.suppress(ConnectionError, RuntimeError):
                await conn.ws.send_str(json.dumps(frame))

    async def dispatch(self, event: str, data: dict[str, Any]) -> int:
        """Send a DISPATCH (op 0) to the connections whose shard carries it; return how many."""
        conns = [c for c in self.live if S.receives(c.shard, data)]
        await asyncio.gather(*(self._send(c, 0, data, event) for c in conns))
        return len(conns)

    async def close_all(self, code: int = 1001) -> None:
        """Close every gateway websocket with ``code`` (4000 makes discord.py RESUME)."""
        await asyncio.gather(*(c.ws.close(code=code) for c in list(self.conns)))
