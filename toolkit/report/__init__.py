"""The HTML report: :mod:`toolkit.report.build` (``build_report``) and its
sections in :mod:`toolkit.report.sections`."""
