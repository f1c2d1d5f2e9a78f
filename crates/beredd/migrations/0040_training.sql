-- Training (issue 23): the courses staff must take (cyber hygiene, a unit's fallback routines,
-- the crisis staff's exercise, the management's training under the cybersecurity act 2 kap. 4 §),
-- how often each recurs (months; none: once is enough) and who must take it: all staff, the staff
-- of the named units and the units below them, or the named people. Each completion is a person,
-- a course and the day it was taken, recorded by a coordinator or a unit manager. An exercise's
-- participants count too, but they are read from the exercise, not kept here.
CREATE TABLE training_courses (
    id {{id}},
    org_id BIGINT NOT NULL REFERENCES organisations(id),
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    description TEXT,
    every_months BIGINT,
    audience TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX training_courses_org ON training_courses (org_id);
CREATE TABLE training_course_units (
    course_id BIGINT NOT NULL REFERENCES training_courses(id) ON DELETE CASCADE,
    unit_id BIGINT NOT NULL REFERENCES units(id) ON DELETE CASCADE,
    PRIMARY KEY (course_id, unit_id)
);
CREATE TABLE training_course_people (
    course_id BIGINT NOT NULL REFERENCES training_courses(id) ON DELETE CASCADE,
    person_id BIGINT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    PRIMARY KEY (course_id, person_id)
);
CREATE TABLE training_completions (
    id {{id}},
    course_id BIGINT NOT NULL REFERENCES training_courses(id) ON DELETE CASCADE,
    person_id BIGINT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    completed_on TEXT NOT NULL,
    note TEXT,
    recorded_by TEXT NOT NULL,
    recorded_at TEXT NOT NULL
);
CREATE INDEX training_completions_course ON training_completions (course_id);
CREATE INDEX training_completions_person ON training_completions (person_id);
