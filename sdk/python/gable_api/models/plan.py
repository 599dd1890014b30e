from enum import StrEnum


class Plan(StrEnum):
    ELITE = "elite"
    GROW = "grow"
    STARTER = "starter"

    def __str__(self) -> str:
        return str(self.value)
