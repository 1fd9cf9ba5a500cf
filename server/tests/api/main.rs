//! Integration tests: each case runs on SQLite and on PostgreSQL, against a
//! real server on port 0 and a fresh database.

mod helpers;

mod abuse;
mod accounts;
mod authorization;
mod bank_transfer;
mod bookings;
mod calendar;
mod card_payments;
mod catalog;
mod cli;
mod cohosts;
mod confirmations;
mod content;
mod corpus;
mod currency;
mod digest;
mod draws;
mod events;
mod forms;
mod guests;
mod hosts;
mod insights;
mod invitations;
mod languages;
mod live;
mod messages;
mod news;
mod online;
mod operations;
mod order_changes;
mod orders;
mod outbox;
mod outside_orders;
mod payment_choice;
mod pick_list;
mod privacy;
mod public_api;
mod rewards;
mod showcase;
mod stripe;
mod two_step;
mod webhooks;
