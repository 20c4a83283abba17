CREATE TABLE permissions (
    id          integer      GENERATED ALWAYS AS IDENTITY,
    scope       varchar(64)  NOT NULL,
    description varchar(255),
    CONSTRAINT permissions_pkey PRIMARY KEY (id),
    CONSTRAINT uq_permission_scope UNIQUE (scope)
);
