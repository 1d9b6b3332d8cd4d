"""Load tools for the real-time side: real daphne processes, real sessions, many WebSocket clients.

`servers` starts ASGI server processes on free ports and reads their memory, `sessions` signs
users in without a login round trip, `clients` drives thousands of WebSocket clients from a few
OS processes and keeps every frame with its receive time. The board and live benchmarks
(`python -m bench board|live`) and the multi-process claim race test are built from them.
They measure; they assert nothing about speed.
"""
