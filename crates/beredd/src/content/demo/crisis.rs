//! The demo's past exercises: injects, lessons (changes become actions), a finished recovery, and
//! the hotlines and messages of its communication (so that its public page can be tried at once).

use super::*;

pub(super) async fn exercises(l: &mut Loader<'_>) -> anyhow::Result<()> {
    let f = "exercises.toml";
    let exercises_file: ExercisesFile = parse_optional(l.source, f)?;
    for x in &exercises_file.exercise {
        let key = &x.title;
        let mut units_of = Vec::new();
        for u in &x.units {
            units_of.extend(lookup(&l.units, f, key, "units", &Some(u.clone()))?);
        }
        let mut names = Vec::new();
        for p in &x.participants {
            names.push(l.person_name(f, key, "participants", p).await?);
        }
        let participants = names.join("\n");
        let leader = names.first().cloned().unwrap_or_default();
        let n = crate::store::incidents::NewIncident {
            title: key,
            what_happened: x.what_happened.as_deref(),
            discovered_at: &x.discovered,
            raised_by: None,
            exercise: true,
            started_by: &leader,
            uid: None,
            participants: Some(&participants),
            times_zone_known: true,
        };
        let id = crate::store::incidents::create(&mut l.tx, l.org, &n, &units_of).await?;
        let entry = |kind, text: String, at: Option<String>| crate::store::incidents::NewEntry {
            version: beredd_domain::incident::LOG_VERSION,
            uid: None,
            kind,
            text,
            decided_by: None,
            grounds: None,
            author: leader.clone(),
            occurred_at: at,
            corrects: None,
            source: super::LOG_SOURCE.into(),
        };
        crate::store::incidents::append(
            &mut l.tx,
            &l.keys,
            l.org,
            id,
            entry(beredd_domain::LogKind::System, format!("Övningen startades: {key}."), Some(x.discovered.clone())),
            &leader,
        )
        .await?;
        for i in &x.inject {
            crate::store::incidents::add_inject(&mut *l.tx, id, i.minute, &i.text).await?;
        }
        for lesson in &x.lesson {
            let Ok(kind) = beredd_domain::incident::LessonKind::parse(&lesson.kind) else {
                bail!("{f}, post {key:?}: okänt slag av lärdom {:?}", lesson.kind);
            };
            let action = match &lesson.action_due {
                Some(due) => {
                    let input = actions::ActionInput {
                        title: format!("Lärdom: {}", lesson.text),
                        origin: beredd_domain::ActionOrigin::Lesson,
                        origin_ref: Some(format!("incident:{}", id.id())),
                        owner_id: lookup(&l.people, f, key, "action_owner", &lesson.action_owner)?,
                        unit_id: units_of.first().copied(),
                        priority: Priority::Medium,
                        due_date: check(f, key, "action_due", crate::platform::day::optional_day(due))?,
                        status: ActionStatus::Planned,
                        notes: None,
                    };
                    Some(actions::insert(&mut *l.tx, l.org, &input).await?)
                }
                None => None,
            };
            crate::store::incidents::add_lesson(&mut *l.tx, id, kind, &lesson.text, action, &leader, None).await?;
        }
        for b in &x.backlog {
            let unit = lookup(&l.units, f, key, "backlog.unit", &Some(b.unit.clone()))?.unwrap_or_default();
            let system = lookup(&l.systems, f, key, "backlog.system", &b.system)?;
            let nb = crate::store::incidents::NewBacklogItem {
                unit_id: unit,
                system_id: system,
                kind: b.kind,
                description: None,
                total: b.total,
                assignee: b.assignee.as_deref(),
                priority: b.priority,
                deadline: None,
            };
            let item = crate::store::incidents::add_backlog(&mut l.tx, id, &nb, &leader).await?;
            crate::store::incidents::set_backlog_done(&mut l.tx, id, item, b.done, &leader).await?;
        }
        comms(l, f, key, id, x, &leader).await?;
        if let Some(closed) = &x.closed {
            crate::store::incidents::append(
                &mut l.tx,
                &l.keys,
                l.org,
                id,
                entry(beredd_domain::LogKind::System, "Övningen avslutades.".into(), Some(closed.clone())),
                &leader,
            )
            .await?;
            crate::store::incidents::close(&mut *l.tx, l.org, id.id()).await?;
        }
    }

    Ok(())
}

/// An exercise's hotlines and messages, as the communication page records them.
async fn comms(
    l: &mut Loader<'_>,
    f: &str,
    key: &str,
    id: crate::store::incidents::Key,
    x: &ExerciseRow,
    leader: &str,
) -> anyhow::Result<()> {
    for h in &x.hotline {
        let number = check(f, key, "hotline.number", beredd_domain::text::optional_phone(&h.number))?
            .ok_or_else(|| anyhow!("{f}, post {key:?}: en upplysningstelefon saknar nummer"))?;
        let hours = line(f, key, "hotline.hours", &h.hours, 200)?;
        crate::store::incidents::add_hotline(&mut *l.tx, id, &number, hours.as_deref(), &h.answered_by).await?;
    }
    for m in &x.message {
        let Ok(channel) = beredd_domain::Channel::parse(&m.channel) else {
            bail!("{f}, post {key:?}: okänd kanal {:?}", m.channel);
        };
        let text = para(f, key, "message.text", &Some(m.text.clone()))?.unwrap_or_default();
        let approved_by = match &m.approved_by {
            Some(p) => l.person_name(f, key, "message.approved_by", p).await?,
            None => String::new(),
        };
        let msg = crate::store::incidents::NewMessage {
            channel,
            text: &text,
            approved_by: &approved_by,
            by: leader,
            at: &m.published,
        };
        crate::store::incidents::add_message(&mut *l.tx, id, &msg).await?;
    }
    Ok(())
}
