from enum import StrEnum


class ExpenseActionType1Action(StrEnum):
    UPDATE_ENTRY = "update_entry"

    def __str__(self) -> str:
        return str(self.value)
