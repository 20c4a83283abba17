-- Alembic 001 bridge, step 1: the shared updated_at trigger function of V1.
-- lock: none
CREATE FUNCTION set_updated_at() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    NEW.updated_at := now();
    RETURN NEW;
END;
$$;
