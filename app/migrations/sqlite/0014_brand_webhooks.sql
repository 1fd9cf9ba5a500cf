-- Outbound webhooks to the brand's e-commerce back office: where to send
-- order events and the secret that signs them.
ALTER TABLE brands ADD COLUMN webhook_url TEXT;
ALTER TABLE brands ADD COLUMN webhook_secret TEXT;
