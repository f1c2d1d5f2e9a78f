-- E-mail reminders sent for the yearly cycle's tasks, so a task is reminded of once.
CREATE TABLE cycle_reminders (
    task_id BIGINT PRIMARY KEY REFERENCES cycle_tasks(id) ON DELETE CASCADE,
    sent_to TEXT NOT NULL,
    sent_at TEXT NOT NULL
);
