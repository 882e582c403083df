-- record: when the store last changed, in one index probe (care's indicators are recomputed when
-- the records are newer than their last computation). last_updated only grows, so the index is
-- appended at its right edge and costs bulk import little.
create index resource_last_updated on record.resource (last_updated);
