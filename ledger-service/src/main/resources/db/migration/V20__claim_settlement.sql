-- What settlement needs of a claim: the day it was approved (Asia/Bangkok, the fund's day) to take
-- it into a run, how many payment instructions it has had (a failed claim approved again is paid
-- under a new end-to-end id), and the current instruction whole, with what the bank reported.

alter table claim_view add column approved_on date;
alter table claim_view add column instructions integer not null default 0;
alter table claim_view add column instruction jsonb;
alter table claim_view add column end_to_end_id varchar(35);
alter table claim_view add column status_report varchar(35);

update claim_view set approved_on = (decided_at at time zone 'Asia/Bangkok')::date
where status = 'APPROVED' and decided_at is not null;

-- the batch pages through approved claims by id: only those are in this index, whatever the volume paid
create index claim_view_payable on claim_view (claim_id) include (approved_on) where status = 'APPROVED';
create index claim_view_settlement_run on claim_view (settlement_run) where settlement_run is not null;
