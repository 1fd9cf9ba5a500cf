-- What an item's card shows (its sku, name in the brand's words or a
-- translation, category, price, first photo, the brand's currency) has a
-- version, bumped by these triggers on every change, whatever code makes
-- it. A server keeps a party's rendered cards while the version, the stock
-- and the featured list are those it read them at (`base::items::ssr::CardCache`).
ALTER TABLE items ADD COLUMN card_version BIGINT NOT NULL DEFAULT 0;

CREATE TRIGGER items_card_changed AFTER UPDATE OF sku, name, category, price_cents ON items
BEGIN
    UPDATE items SET card_version = card_version + 1 WHERE id = NEW.id;
END;

CREATE TRIGGER item_photos_added AFTER INSERT ON item_photos
BEGIN
    UPDATE items SET card_version = card_version + 1 WHERE id = NEW.item_id;
END;

CREATE TRIGGER item_photos_changed AFTER UPDATE ON item_photos
BEGIN
    UPDATE items SET card_version = card_version + 1 WHERE id IN (OLD.item_id, NEW.item_id);
END;

CREATE TRIGGER item_photos_removed AFTER DELETE ON item_photos
BEGIN
    UPDATE items SET card_version = card_version + 1 WHERE id = OLD.item_id;
END;

CREATE TRIGGER item_translation_added AFTER INSERT ON translations WHEN NEW.kind = 'item'
BEGIN
    UPDATE items SET card_version = card_version + 1 WHERE id = NEW.ref_id;
END;

CREATE TRIGGER item_translation_changed AFTER UPDATE ON translations
WHEN NEW.kind = 'item' OR OLD.kind = 'item'
BEGIN
    UPDATE items SET card_version = card_version + 1 WHERE id IN (OLD.ref_id, NEW.ref_id);
END;

CREATE TRIGGER item_translation_removed AFTER DELETE ON translations WHEN OLD.kind = 'item'
BEGIN
    UPDATE items SET card_version = card_version + 1 WHERE id = OLD.ref_id;
END;

CREATE TRIGGER brand_currency_changed AFTER UPDATE OF currency ON brands
WHEN NEW.currency IS NOT OLD.currency
BEGIN
    UPDATE items SET card_version = card_version + 1 WHERE brand_id = NEW.id;
END;
