//! Why a field's input was refused: one error type for every check of user input, each with its
//! Fluent message id.

use serde::Serialize;

/// Why a field's input was refused. Each variant maps to a message id in the Fluent files
/// (`err-…`), so the web layer can say it in the user's language and name the field.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, Serialize)]
pub enum FieldError {
    #[error("required")]
    Required,
    #[error("too long (max {max})")]
    TooLong { max: usize },
    #[error("too short (min {min})")]
    TooShort { min: usize },
    #[error("control characters")]
    ControlChars,
    #[error("invalid phone number")]
    Phone,
    #[error("invalid e-mail address")]
    Email,
    #[error("invalid organisation number")]
    OrgNumber,
    #[error("not a whole number in range")]
    Number { min: i64, max: i64 },
    #[error("unknown choice")]
    Choice,
    #[error("invalid user name")]
    Username,
    #[error("invalid short name")]
    Slug,
    #[error("invalid host name")]
    Host,
    #[error("already taken")]
    Duplicate,
    #[error("would create a cycle")]
    Cycle,
    #[error("points to itself")]
    SelfEdge,
    #[error("the recovery time objective must be shorter than the maximum tolerable outage")]
    RtoNotBelowMtpd,
    #[error("nothing chosen")]
    NothingChosen,
    #[error("that dependency already exists")]
    DuplicateDependency,
    #[error("a level other than the proposed one needs a reason")]
    OverrideWithoutReason,
    #[error("a level of 2 or higher needs a justification")]
    LevelWithoutJustification,
    #[error("not a date")]
    Date,
    #[error("not a date and time")]
    DateTime,
    #[error("that time did not exist in Sweden: the clocks went forward from 02:00 to 03:00")]
    TimeSkipped,
    #[error("{time} happened twice in Sweden that night: say summer time or winter time")]
    TimeRepeated { time: String },
    #[error("summer time or winter time does not match that date")]
    ZoneMismatch,
    #[error("not a web address")]
    Url,
    #[error("does not exist")]
    Missing,
    #[error("passwords differ")]
    PasswordMismatch,
    #[error("wrong password")]
    WrongPassword,
    #[error("the file is too large (max {max_mb} MB)")]
    FileTooLarge { max_mb: usize },
    #[error("that kind of file is not accepted")]
    FileType,
    #[error("the file is empty")]
    FileEmpty,
    #[error("too many columns")]
    Columns,
    #[error("too many lines (max {max})")]
    TooManyLines { max: usize },
    #[error("risks use step {used}")]
    StepInUse { used: u8 },
    #[error("too few lines (min {min})")]
    TooFewLines { min: usize },
    #[error("not in the requirement catalogue")]
    NotInCatalogue,
    #[error("a passphrase needs four words or sixteen characters")]
    PassphraseShort,
    #[error("the passphrase repeats one character, word or pattern")]
    PassphraseRepetitive,
    #[error("the passphrase is built from what is guessed first")]
    PassphraseGuessable,
    #[error("the date is after today")]
    FutureDate,
    #[error("line {line}: {error}")]
    Line { line: usize, error: Box<FieldError> },
}

impl FieldError {
    /// The Fluent message id that explains this error.
    pub fn message_id(&self) -> &'static str {
        match self {
            FieldError::Required => "err-required",
            FieldError::TooLong { .. } => "err-too-long",
            FieldError::TooShort { .. } => "err-too-short",
            FieldError::ControlChars => "err-control-chars",
            FieldError::Phone => "err-phone",
            FieldError::Email => "err-email",
            FieldError::OrgNumber => "err-org-number",
            FieldError::Number { .. } => "err-number",
            FieldError::Choice => "err-choice",
            FieldError::Username => "err-username",
            FieldError::Slug => "err-slug",
            FieldError::Host => "err-host",
            FieldError::Duplicate => "err-duplicate",
            FieldError::Cycle => "err-cycle",
            FieldError::SelfEdge => "err-self-edge",
            FieldError::RtoNotBelowMtpd => "err-rto-mtpd",
            FieldError::NothingChosen => "err-nothing-chosen",
            FieldError::DuplicateDependency => "err-duplicate-dependency",
            FieldError::OverrideWithoutReason => "err-override-reason",
            FieldError::LevelWithoutJustification => "err-level-justification",
            FieldError::Date => "err-date",
            FieldError::FutureDate => "err-future-date",
            FieldError::DateTime => "err-date-time",
            FieldError::TimeSkipped => "err-time-skipped",
            FieldError::TimeRepeated { .. } => "err-time-repeated",
            FieldError::ZoneMismatch => "err-time-zone-mismatch",
            FieldError::Url => "err-url",
            FieldError::Missing => "err-missing",
            FieldError::PasswordMismatch => "err-password-mismatch",
            FieldError::WrongPassword => "err-wrong-password",
            FieldError::FileTooLarge { .. } => "err-file-too-large",
            FieldError::FileType => "err-file-type",
            FieldError::FileEmpty => "err-file-empty",
            FieldError::Columns => "err-columns",
            FieldError::TooManyLines { .. } => "err-too-many-lines",
            FieldError::StepInUse { .. } => "err-step-in-use",
            FieldError::TooFewLines { .. } => "err-too-few-lines",
            FieldError::NotInCatalogue => "err-not-in-catalogue",
            FieldError::PassphraseShort => "err-passphrase-short",
            FieldError::PassphraseRepetitive => "err-passphrase-repetitive",
            FieldError::PassphraseGuessable => "err-passphrase-guessable",
            FieldError::Line { error, .. } => error.message_id(),
        }
    }

    /// The text the message needs, if any, with its name in Fluent (`{ $time }`).
    pub fn text_arg(&self) -> Option<(&'static str, &str)> {
        match self {
            FieldError::TimeRepeated { time } => Some(("time", time)),
            FieldError::Line { error, .. } => error.text_arg(),
            _ => None,
        }
    }

    /// The number the message needs, if any (`{ $n }` in Fluent).
    pub fn arg(&self) -> Option<i64> {
        match self {
            FieldError::TooLong { max } => Some(*max as i64),
            FieldError::TooShort { min } => Some(*min as i64),
            FieldError::Number { max, .. } => Some(*max),
            FieldError::FileTooLarge { max_mb } => Some(*max_mb as i64),
            FieldError::TooManyLines { max } => Some(*max as i64),
            FieldError::StepInUse { used } => Some(i64::from(*used)),
            FieldError::TooFewLines { min } => Some(*min as i64),
            FieldError::Line { error, .. } => error.arg(),
            _ => None,
        }
    }
}
