from enum import StrEnum


class Scheme(StrEnum):
    HMAC_SHA256_HEX = "hmac-sha256-hex"
    HMAC_SHA256_TIMESTAMPED = "hmac-sha256-timestamped"
    STANDARD_WEBHOOKS = "standard-webhooks"

    def __str__(self) -> str:
        return str(self.value)
