-- The making of an order (issue 19): the brand's updates on an item, shown
-- to its buyers (orders of the item, captured pre-orders) in order, or on a
-- production batch (a funded pre-order campaign), shown to its pre-orders; a read
-- is kept per buyer ('o:<order id>' or 'p:<pre-order id>') the first time
-- their page shows it; a buyer gets one mail of what is new a day at most.
CREATE TABLE making_updates (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    brand_id BIGINT NOT NULL REFERENCES brands (id),
    item_id BIGINT NOT NULL REFERENCES items (id),
    -- A production batch: the pre-orders of one funded campaign only.
    campaign_id BIGINT REFERENCES preorder_campaigns (id),
    body TEXT NOT NULL,
    photo_path TEXT,
    thumb_path TEXT,
    created_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX making_updates_item ON making_updates (item_id, id);
CREATE INDEX making_updates_brand ON making_updates (brand_id, id);

CREATE TABLE making_update_reads (
    update_id BIGINT NOT NULL REFERENCES making_updates (id) ON DELETE CASCADE,
    reader TEXT NOT NULL,
    read_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (update_id, reader)
);

ALTER TABLE orders ADD COLUMN making_mailed_at TIMESTAMPTZ;
ALTER TABLE preorders ADD COLUMN making_mailed_at TIMESTAMPTZ;
