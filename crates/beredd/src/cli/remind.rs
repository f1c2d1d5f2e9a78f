//! `beredd remind`: e-mails each owner the yearly cycle's tasks that are due within a number of
//! days or overdue, through the SMTP relay the administrator names. Run it daily (cron or a
//! systemd timer); a task is reminded of once. Nothing else in Beredd needs e-mail.

use anyhow::anyhow;

use crate::store::{cycle, people};

/// One owner's name and address, and the tasks (id, text) to remind them of.
type OwnerTasks = (String, String, Vec<(i64, String)>);
#[derive(clap::Args, Debug)]
pub struct Remind {
    #[command(flatten)]
    db: super::DbOptions,
    #[command(flatten)]
    mail: MailOptions,
    /// Remind of tasks due within this many days (overdue ones always).
    #[arg(long, default_value_t = 7)]
    days: i64,
}

/// Where reminders are sent from.
#[derive(clap::Args, Debug)]
pub struct MailOptions {
    /// The SMTP relay, host:port.
    #[arg(long, env = "BEREDD_SMTP")]
    smtp: String,
    /// How the connection is protected: starttls (the default), tls (from the first byte, usually
    /// port 465) or none (only for a relay on the same machine).
    #[arg(long, env = "BEREDD_SMTP_SECURITY", value_enum, default_value_t)]
    smtp_security: crate::platform::mail::Security,
    /// The login at the relay, when it asks for one.
    #[arg(long, env = "BEREDD_SMTP_USER")]
    smtp_user: Option<String>,
    /// Its password (better in the environment than on the command line).
    #[arg(long, env = "BEREDD_SMTP_PASSWORD", hide_env_values = true)]
    smtp_password: Option<String>,
    /// A PEM file with the certificate authority of the relay's certificate, when it is the
    /// municipality's own rather than a public one.
    #[arg(long, env = "BEREDD_SMTP_CA")]
    smtp_ca: Option<std::path::PathBuf>,
    /// The sender address.
    #[arg(long, env = "BEREDD_SMTP_FROM")]
    from: String,
}

impl MailOptions {
    pub fn settings(&self) -> crate::platform::mail::Settings {
        crate::platform::mail::Settings {
            server: self.smtp.clone(),
            security: self.smtp_security,
            user: self.smtp_user.clone(),
            password: self.smtp_password.clone(),
            ca_file: self.smtp_ca.clone(),
            from: self.from.clone(),
        }
    }
}

impl Remind {
    pub async fn run(self) -> anyhow::Result<()> {
        let mailer = crate::platform::mail::Mailer::new(&self.mail.settings())?;
        let db = self.db.connect().await?;
        db.migrate().await?;
        let org = super::organisation(&db).await?;
        crate::services::cycle::ensure(&db.pool, org.id).await.map_err(|e| anyhow!("{e}"))?;
        let horizon = crate::platform::clock::today().plus_days(self.days);
        let items = cycle::items(&db.pool, org.id).await?;
        let everyone = people::list(&db.pool, org.id).await?;
        // Per owner: the tasks to remind of.
        let mut per_owner: Vec<OwnerTasks> = Vec::new();
        for t in cycle::tasks(&db.pool, org.id).await? {
            if t.done_at.is_some() || t.due_date > horizon || cycle::reminded(&db.pool, t.id).await? {
                continue;
            }
            let Some(item) = items.iter().find(|i| i.id == t.item_id) else { continue };
            let Some(owner) = item.owner_id.and_then(|o| everyone.iter().find(|p| p.id == o)) else { continue };
            let Some(email) = owner.email.clone() else { continue };
            let line = (t.id, format!("{}  {}", t.due_date, item.title));
            match per_owner.iter_mut().find(|(e, _, _)| *e == email) {
                Some(entry) => entry.2.push(line),
                None => per_owner.push((email, owner.name.clone(), vec![line])),
            }
        }
        let mut sent = 0;
        for (email, name, tasks) in &per_owner {
            let body = format!(
                "Hej {name}!\n\nDe här uppgifterna i årshjulet ska vara klara snart eller är försenade:\n\n{}\n\nMarkera dem som klara i Beredd under Årshjul.\n",
                tasks.iter().map(|(_, l)| format!("- {l}")).collect::<Vec<_>>().join("\n")
            );
            mailer.send(email, "Påminnelse från Beredd: årshjulet", &body).await?;
            for (id, _) in tasks {
                cycle::record_reminder(&db.pool, *id, email).await?;
            }
            sent += 1;
        }
        println!("{sent} påminnelser skickades ({} uppgifter).", per_owner.iter().map(|o| o.2.len()).sum::<usize>());
        Ok(())
    }
}
