-- Every U.S. state, county and Census place (GEOID as the key). Rows are loaded once by the Java migration
-- V2 (JurisdictionRowsMigration) from the Census files shipped in jurisdiction/census/.
CREATE TABLE jurisdiction (
    geoid        VARCHAR(7)   NOT NULL PRIMARY KEY,
    name         VARCHAR(200) NOT NULL,
    short_name   VARCHAR(200) NOT NULL,
    kind         VARCHAR(32)  NOT NULL,
    type         VARCHAR(64)  NOT NULL,
    state_geoid  VARCHAR(2)   NOT NULL,
    state_code   VARCHAR(2)   NOT NULL,
    population   BIGINT,
    CONSTRAINT jurisdiction_kind_check CHECK (kind IN ('state', 'county', 'incorporated-place', 'census-designated-place'))
);

CREATE INDEX jurisdiction_state_idx ON jurisdiction (state_geoid);

-- The counties a place lies in (a place may span several).
CREATE TABLE jurisdiction_county (
    place_geoid  VARCHAR(7) NOT NULL REFERENCES jurisdiction (geoid),
    county_geoid VARCHAR(5) NOT NULL REFERENCES jurisdiction (geoid),
    -- true where the Census relationship file gives no county and it was inferred from the place's location
    inferred     BOOLEAN    NOT NULL DEFAULT FALSE,
    PRIMARY KEY (place_geoid, county_geoid)
);

-- Which reference data sets are loaded, from which files and vintage.
CREATE TABLE reference_dataset (
    name       VARCHAR(100)             NOT NULL PRIMARY KEY,
    vintage    VARCHAR(200)             NOT NULL,
    row_count  INTEGER                  NOT NULL,
    loaded_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
