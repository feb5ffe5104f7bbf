"""marsad: Arabic conflict news to structured, geolocated event records.

    >>> import marsad
    >>> report = marsad.extract(text, published="2018-08-15")
    >>> report.to_dict()["places"]
"""

__version__ = "0.1.0"

from marsad.api import extract, process  # noqa: E402
from marsad.document import Document, Span  # noqa: E402
from marsad.pipeline import Pipeline  # noqa: E402
from marsad.schema import Report  # noqa: E402

__all__ = ["Document", "Pipeline", "Report", "Span", "extract", "process", "__version__"]
