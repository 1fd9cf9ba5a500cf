-- The carrier and tracking number an order ships with.
ALTER TABLE orders ADD COLUMN carrier TEXT;
ALTER TABLE orders ADD COLUMN tracking_number TEXT;
CREATE INDEX orders_brand_status ON orders (brand_id, status, placed_at);
