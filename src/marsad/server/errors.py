"""Errors as one-line JSON messages: {"detail": "<where>: <problem>"}, never a traceback."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse

from marsad.errors import DataError, InputError


def validation_message(errors: list[dict[str, Any]]) -> tuple[int, str]:
    """The first problem of a validation failure in one line; 400 when the body is not JSON at all."""
    if not errors:
        return 422, "invalid request"
    first = errors[0]
    if first.get("type") == "json_invalid":
        return 400, f"the body is not valid JSON ({first.get('ctx', {}).get('error', 'parse error')})"
    where = ".".join(str(part) for part in first.get("loc", ()) if part not in ("body",))
    message = first.get("msg", "invalid value")
    more = f" (and {len(errors) - 1} more problem{'s' if len(errors) > 2 else ''})" if len(errors) > 1 else ""
    return 422, f"{where or 'body'}: {message}{more}"


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(RequestValidationError)
    async def _invalid(_: Request, error: RequestValidationError) -> JSONResponse:
        status, message = validation_message(list(error.errors()))
        return JSONResponse({"detail": message}, status_code=status)

    @app.exception_handler(InputError)
    async def _bad_input(_: Request, error: InputError) -> JSONResponse:
        return JSONResponse({"detail": str(error)}, status_code=422)

    @app.exception_handler(Exception)
    async def _unexpected(_: Request, error: Exception) -> JSONResponse:
        # a pipeline stage that fails on one text must not answer with an HTML traceback page
        first = str(error).strip().splitlines()[0] if str(error).strip() else ""
        return JSONResponse({"detail": f"internal error ({type(error).__name__}: {first})"}, status_code=500)

    @app.exception_handler(DataError)
    async def _store_problem(_: Request, error: DataError) -> JSONResponse:
        return JSONResponse({"detail": str(error)}, status_code=503)
