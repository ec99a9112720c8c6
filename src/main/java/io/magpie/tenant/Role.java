package io.magpie.tenant;

/** Console roles. ANALYST reads everything and changes nothing. */
public enum Role {
    OWNER,
    OPERATOR,
    ANALYST,
    STORE_STAFF
}
