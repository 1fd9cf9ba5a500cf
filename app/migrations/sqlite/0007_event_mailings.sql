-- When the reminder (24 h before) and the thank-you (after the end) went
-- out; set once, by whichever server claims the event first.
ALTER TABLE events ADD COLUMN reminders_sent_at TEXT;
ALTER TABLE events ADD COLUMN thanks_sent_at TEXT;
