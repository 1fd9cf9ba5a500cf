-- Currency per brand (issue 15). A brand prices in euros, pounds sterling
-- or Swiss francs (`brands.currency`, an ISO 4217 code, settable until its
-- first order). Each order keeps the currency it was placed in, so its
-- amounts (integer minor units) never change meaning.
ALTER TABLE orders ADD COLUMN currency TEXT NOT NULL DEFAULT 'EUR';
UPDATE orders SET currency = (SELECT b.currency FROM brands b WHERE b.id = orders.brand_id);
