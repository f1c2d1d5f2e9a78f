//! A minimal SMTP client for the optional e-mail reminders: plain SMTP to a relay the
//! administrator names (typically the municipality's internal relay on port 25). No TLS and no
//! login yet; nothing in Beredd needs e-mail to work.

use base64::Engine;
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpStream;

#[derive(Debug, thiserror::Error)]
pub enum MailError {
    #[error("kunde inte nå e-postservern {0}: {1}")]
    Connect(String, std::io::Error),
    #[error("e-postservern svarade {0} på {1}")]
    Refused(String, &'static str),
    #[error("fel i förbindelsen med e-postservern: {0}")]
    Io(#[from] std::io::Error),
    #[error("ogiltig adress {0:?}")]
    Address(String),
}

/// A header value in UTF-8 (RFC 2047).
fn encoded(s: &str) -> String {
    if s.is_ascii() {
        s.to_owned()
    } else {
        format!("=?UTF-8?B?{}?=", base64::engine::general_purpose::STANDARD.encode(s))
    }
}

/// Reads one (possibly multi-line) reply and checks that its code starts with `ok`.
async fn reply<R: tokio::io::AsyncBufRead + Unpin>(r: &mut R, ok: char, step: &'static str) -> Result<(), MailError> {
    loop {
        let mut line = String::new();
        if r.read_line(&mut line).await? == 0 {
            return Err(MailError::Refused("(förbindelsen stängdes)".into(), step));
        }
        if line.len() >= 4 && line.as_bytes()[3] == b'-' {
            continue;
        }
        return if line.starts_with(ok) { Ok(()) } else { Err(MailError::Refused(line.trim().to_owned(), step)) };
    }
}

fn address(a: &str) -> Result<&str, MailError> {
    if a.contains(['\r', '\n', '<', '>']) || !a.contains('@') {
        return Err(MailError::Address(a.to_owned()));
    }
    Ok(a)
}

/// Sends one plain-text message.
pub async fn send(server: &str, from: &str, to: &str, subject: &str, body: &str) -> Result<(), MailError> {
    let (from, to) = (address(from)?, address(to)?);
    let stream = TcpStream::connect(server).await.map_err(|e| MailError::Connect(server.to_owned(), e))?;
    let (read, mut write) = stream.into_split();
    let mut read = BufReader::new(read);
    reply(&mut read, '2', "anslutningen").await?;
    write.write_all(b"EHLO beredd\r\n").await?;
    reply(&mut read, '2', "EHLO").await?;
    write.write_all(format!("MAIL FROM:<{from}>\r\n").as_bytes()).await?;
    reply(&mut read, '2', "MAIL FROM").await?;
    write.write_all(format!("RCPT TO:<{to}>\r\n").as_bytes()).await?;
    reply(&mut read, '2', "RCPT TO").await?;
    write.write_all(b"DATA\r\n").await?;
    reply(&mut read, '3', "DATA").await?;
    let date = crate::platform::clock::now().format(&time::format_description::well_known::Rfc2822).unwrap_or_default();
    let mut message = format!(
        "From: Beredd <{from}>\r\nTo: <{to}>\r\nSubject: {}\r\nDate: {date}\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n",
        encoded(subject)
    );
    for line in body.lines() {
        // A line that starts with a dot gets another (RFC 5321 4.5.2).
        if line.starts_with('.') {
            message.push('.');
        }
        message.push_str(line);
        message.push_str("\r\n");
    }
    message.push_str(".\r\n");
    write.write_all(message.as_bytes()).await?;
    reply(&mut read, '2', "meddelandet").await?;
    write.write_all(b"QUIT\r\n").await?;
    Ok(())
}
