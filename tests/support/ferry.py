"""An invented ferry story for the metadata tests: a title and two body paragraphs the head lines under test
sit above. Written for the tests; no outlet's text."""

from __future__ import annotations

TITLE = "Ferry service resumes after the winter storms"
BODY = (
    "The island ferry ran its first full timetable of the year on Monday, after three weeks in which storms kept "
    "the boats in harbour and left the village shop without fresh bread."
)
MORE = (
    "The operator said the repairs to the landing stage had cost more than it had planned, and that the spring "
    "fares would not change before the summer season."
)
