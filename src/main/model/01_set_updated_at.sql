-- One trigger function keeps updated_at current; the old schema relied on the
-- application to do it and rows drifted.
CREATE FUNCTION set_updated_at() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    NEW.updated_at := now();
    RETURN NEW;
END;
$$;
