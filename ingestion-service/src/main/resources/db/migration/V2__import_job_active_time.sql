-- When the current run of an import job began. A job cut off by a restart runs again from the
-- top (its counts start again too), so its rate is measured from here, not from started_at,
-- which would count the time the service was down.
alter table import_job add column resumed_at timestamptz;
