-- The brand's catalog. Prices are integer cents, VAT included; the VAT rate
-- is in basis points (2000 = 20 %).
CREATE TABLE items (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    brand_id BIGINT NOT NULL REFERENCES brands (id),
    sku TEXT NOT NULL,
    name TEXT NOT NULL,
    description TEXT NOT NULL,
    category TEXT NOT NULL,
    price_cents BIGINT NOT NULL CHECK (price_cents >= 0),
    vat_rate_bp BIGINT NOT NULL CHECK (vat_rate_bp >= 0),
    stock BIGINT NOT NULL CHECK (stock >= 0),
    active BOOLEAN NOT NULL DEFAULT TRUE,
    created_at TIMESTAMPTZ NOT NULL,
    UNIQUE (brand_id, sku)
);
CREATE INDEX items_brand_category ON items (brand_id, category);
