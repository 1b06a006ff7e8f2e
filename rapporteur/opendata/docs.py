"""The API's documentation page, made on the server from the API's own OpenAPI document.

Interactive viewers (Swagger UI, ReDoc) run large scripts and inject inline styles, which the
reader Content-Security-Policy refuses (``reports.headers``), and their default pages load
from third-party CDNs. This page is plain HTML with our own stylesheet: it makes no
third-party request, works without JavaScript, and cannot disagree with the API because it is
rendered from the same document that ``/api/v1/openapi.json`` serves.
"""

from django.shortcuts import render

from .api import api


def schema_name(schema):
    """A short name for a response or parameter schema: ``Entry``, ``list of EditionRef``, ``integer``."""
    if not schema:
        return ""
    if "$ref" in schema:
        return schema["$ref"].rsplit("/", 1)[-1]
    if schema.get("type") == "array":
        return f"list of {schema_name(schema.get('items', {}))}"
    if "anyOf" in schema:
        return " or ".join(schema_name(option) for option in schema["anyOf"] if option.get("type") != "null")
    return schema.get("type", "")


def operations(document):
    for path, methods in document["paths"].items():
        for method, operation in methods.items():
            parameters = [
                {
                    "name": parameter["name"],
                    "where": parameter["in"],
                    "type": schema_name(parameter.get("schema", {})),
                    "required": parameter.get("required", False),
                    "description": parameter.get("description") or parameter.get("schema", {}).get("description", ""),
                }
                for parameter in operation.get("parameters", [])
            ]
            answer = operation.get("responses", {}).get("200", {}).get("content", {}).get("application/json", {})
            yield {
                "method": method.upper(),
                "path": path,
                "summary": operation.get("summary", ""),
                "tag": (operation.get("tags") or [""])[0],
                "parameters": parameters,
                "returns": schema_name(answer.get("schema", {})),
            }


def api_docs(request):
    document = api.get_openapi_schema(path_prefix="/api/v1/")
    return render(
        request,
        "opendata/api_docs.html",
        {
            "info": document["info"],
            "openapi_version": document["openapi"],
            "operations": list(operations(document)),
            "base": f"{request.scheme}://{request.get_host()}/api/v1",
        },
    )
