-- Replicas agree on the rule sets in force through one counter: adding a version bumps it (under
-- SELECT ... FOR UPDATE), every filing reads it (FOR SHARE) and reloads its rule library when behind.
create table rule_set_revision (
    only_row boolean not null primary key default true check (only_row),
    revision bigint  not null
);
insert into rule_set_revision (only_row, revision)
select true, count(*) from rule_set_version;

-- Axon's JDBC dead-letter queue (JdbcSequencedDeadLetterQueue), column names as our DeadLetterSchema
-- maps them; serialized columns are bytea like the event store's.
create table dead_letter_entry (
    dead_letter_id       varchar(255) not null primary key,
    processing_group     varchar(255) not null,
    sequence_identifier  varchar(255) not null,
    sequence_index       bigint       not null,
    message_type         varchar(255) not null,
    event_identifier     varchar(255) not null,
    time_stamp           varchar(255) not null,
    payload_type         varchar(255) not null,
    payload_revision     varchar(255),
    payload              bytea        not null,
    meta_data            bytea,
    aggregate_type       varchar(255),
    aggregate_identifier varchar(255),
    sequence_number      bigint,
    token_type           varchar(255),
    token                bytea,
    enqueued_at          varchar(255) not null,
    last_touched         varchar(255),
    processing_started   varchar(255),
    cause_type           varchar(255),
    cause_message        text,
    diagnostics          bytea,
    constraint dead_letter_entry_sequence unique (processing_group, sequence_identifier, sequence_index)
);
create index dead_letter_entry_group on dead_letter_entry (processing_group);
create index dead_letter_entry_sequence_id on dead_letter_entry (processing_group, sequence_identifier);
