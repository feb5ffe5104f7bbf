"""Named errors whose messages say what to fix."""


class MarsadError(Exception):
    """Base class: every error marsad raises on purpose."""


class PipelineError(MarsadError):
    """A pipeline was built wrongly (unknown stage, missing prerequisite)."""


class InputError(MarsadError):
    """An input could not be read as an article; the message names the file and the problem."""

    def __init__(self, where: str, problem: str):
        self.where = where
        self.problem = problem
        super().__init__(f"{where}: {problem}")


class DataError(MarsadError):
    """A shipped data file or model is missing or malformed."""
