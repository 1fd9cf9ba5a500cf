-- Co-hosts (issue 18): another host of the brand helps the host run a
-- party (guest list, invitations, messages, featured items, presenting);
-- only the host closes it and edits it. The brand's reward rules may give
-- co-hosts a share of the party's credit at closing: the ledger gains the
-- kind 'cohost_share', once per party and co-host.
CREATE TABLE event_cohosts (
    event_id BIGINT NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    added_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (event_id, user_id)
);
CREATE INDEX event_cohosts_user ON event_cohosts (user_id);

ALTER TABLE host_credit_ledger DROP CONSTRAINT host_credit_ledger_kind_check;
ALTER TABLE host_credit_ledger ADD CONSTRAINT host_credit_ledger_kind_check
    CHECK (kind IN ('event_reward', 'booking_bonus', 'redemption', 'restored', 'cohost_share'));
CREATE UNIQUE INDEX host_credit_share_once ON host_credit_ledger (event_id, host_id) WHERE kind = 'cohost_share';
