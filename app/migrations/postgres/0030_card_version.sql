-- What an item's card shows (its sku, name in the brand's words or a
-- translation, category, price, first photo, the brand's currency) has a
-- version, bumped by these triggers on every change, whatever code makes
-- it. A server keeps a party's rendered cards while the version, the stock
-- and the featured list are those it read them at (`base::items::ssr::CardCache`).
ALTER TABLE items ADD COLUMN card_version BIGINT NOT NULL DEFAULT 0;

CREATE FUNCTION item_card_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.card_version := OLD.card_version + 1;
    RETURN NEW;
END $$;
CREATE TRIGGER items_card_changed BEFORE UPDATE OF sku, name, category, price_cents ON items
FOR EACH ROW EXECUTE FUNCTION item_card_changed();

CREATE FUNCTION item_photo_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN
        UPDATE items SET card_version = card_version + 1 WHERE id = OLD.item_id;
    END IF;
    IF TG_OP <> 'DELETE' THEN
        UPDATE items SET card_version = card_version + 1 WHERE id = NEW.item_id;
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER item_photos_changed AFTER INSERT OR UPDATE OR DELETE ON item_photos
FOR EACH ROW EXECUTE FUNCTION item_photo_changed();

CREATE FUNCTION item_translation_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'INSERT' AND OLD.kind = 'item' THEN
        UPDATE items SET card_version = card_version + 1 WHERE id = OLD.ref_id;
    END IF;
    IF TG_OP <> 'DELETE' AND NEW.kind = 'item' THEN
        UPDATE items SET card_version = card_version + 1 WHERE id = NEW.ref_id;
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER item_translations_changed AFTER INSERT OR UPDATE OR DELETE ON translations
FOR EACH ROW EXECUTE FUNCTION item_translation_changed();

CREATE FUNCTION brand_currency_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE items SET card_version = card_version + 1 WHERE brand_id = NEW.id;
    RETURN NULL;
END $$;
CREATE TRIGGER brand_currency_changed AFTER UPDATE OF currency ON brands
FOR EACH ROW WHEN (NEW.currency IS DISTINCT FROM OLD.currency)
EXECUTE FUNCTION brand_currency_changed();
