"""Where an edition's files stand — built, waiting, being built, or failed and why — for the dashboard."""

from dataclasses import dataclass, field

from .models import BuildFailure, BuildRequest, GeneratedFile


@dataclass(frozen=True)
class FileStatus:
    name: str
    format_label: str
    built_at: object = None  # None: never built
    size: int = 0
    failed_at: object = None
    reason: str = ""

    @property
    def failed(self):
        return self.failed_at is not None


@dataclass
class BuildStatus:
    files: list = field(default_factory=list)
    requested_at: object = None  # waiting to be built since
    started_at: object = None  # being built since
    whole_build_failure: object = None  # a BuildFailure of the whole build

    @property
    def failures(self):
        return [f for f in self.files if f.failed]


def build_status(edition):
    """The edition's files (edition PDF and EPUB first, then one PDF per entry) and the build in progress."""
    failures = {failure.name: failure for failure in BuildFailure.objects.filter(edition=edition)}
    files = []
    for generated in GeneratedFile.objects.filter(edition=edition).order_by("-key", "-format"):
        failure = failures.pop(generated.name, None)
        files.append(
            FileStatus(
                name=generated.name,
                format_label=generated.get_format_display(),
                built_at=generated.built_at,
                size=generated.size,
                failed_at=failure.failed_at if failure else None,
                reason=failure.reason if failure else "",
            )
        )
    whole = failures.pop("", None)
    files += [
        FileStatus(name=f.name, format_label=f.name.rsplit(".", 1)[-1].upper(), failed_at=f.failed_at, reason=f.reason)
        for f in failures.values()
    ]
    request = BuildRequest.objects.filter(edition=edition).first()
    return BuildStatus(
        files=sorted(files, key=lambda f: (not f.name.startswith("annual-report-"), f.name)),
        requested_at=request.requested_at if request else None,
        started_at=request.started_at if request else None,
        whole_build_failure=whole,
    )
