from enum import StrEnum


class SummarySource(StrEnum):
    BUILT_IN = "built_in"
    MODEL = "model"

    def __str__(self) -> str:
        return str(self.value)
