//! Stored codes read into their vocabularies, stored days into days and stored times into
//! stamps, once, in the store.

use crate::platform::clock::{Day, Stamp};

/// A code column read into its vocabulary, once, here: a read model's field is the vocabulary's
/// type, read with `#[sqlx(try_from = "Code<Criticality>")]` (or `OptionalCode<…>` for a
/// nullable column, NULL being `None`). A code the vocabulary does not know fails the row with
/// the domain's `UnknownCode` as its cause, which `DbError` turns into `Corrupt`: never an empty
/// label or a row left out. (The vocabulary's `TryFrom<String>` does the reading; naming it in
/// `#[sqlx(try_from = "String")]` directly would lose the error, as sqlx 0.9.0's derive replaces
/// a conversion's error with "unprintable error".)
pub struct Code<T>(T);

/// A nullable code column (see [`Code`]).
pub struct OptionalCode<T>(Option<T>);

impl<'r, T> sqlx::Decode<'r, sqlx::Any> for Code<T>
where
    T: TryFrom<String, Error = beredd_domain::UnknownCode>,
{
    fn decode(value: sqlx::any::AnyValueRef<'r>) -> Result<Self, sqlx::error::BoxDynError> {
        let raw = <String as sqlx::Decode<'r, sqlx::Any>>::decode(value)?;
        Ok(Code(T::try_from(raw)?))
    }
}

impl<'r, T> sqlx::Decode<'r, sqlx::Any> for OptionalCode<T>
where
    T: TryFrom<String, Error = beredd_domain::UnknownCode>,
{
    fn decode(value: sqlx::any::AnyValueRef<'r>) -> Result<Self, sqlx::error::BoxDynError> {
        let raw = <Option<String> as sqlx::Decode<'r, sqlx::Any>>::decode(value)?;
        Ok(OptionalCode(raw.map(T::try_from).transpose()?))
    }
}

impl<T> sqlx::Type<sqlx::Any> for Code<T> {
    fn type_info() -> sqlx::any::AnyTypeInfo {
        <String as sqlx::Type<sqlx::Any>>::type_info()
    }
    fn compatible(ty: &sqlx::any::AnyTypeInfo) -> bool {
        <String as sqlx::Type<sqlx::Any>>::compatible(ty)
    }
}

impl<T> sqlx::Type<sqlx::Any> for OptionalCode<T> {
    fn type_info() -> sqlx::any::AnyTypeInfo {
        <String as sqlx::Type<sqlx::Any>>::type_info()
    }
    fn compatible(ty: &sqlx::any::AnyTypeInfo) -> bool {
        <String as sqlx::Type<sqlx::Any>>::compatible(ty)
    }
}

/// A day column (`YYYY-MM-DD` text on both databases) read into a [`Day`], once, here; a field
/// of type `Day` or `Option<Day>` needs no attribute. Text that is not a day fails the row with
/// `NotADay` as its cause, which `DbError` turns into `Corrupt`.
impl<'r> sqlx::Decode<'r, sqlx::Any> for Day {
    fn decode(value: sqlx::any::AnyValueRef<'r>) -> Result<Self, sqlx::error::BoxDynError> {
        let raw = <String as sqlx::Decode<'r, sqlx::Any>>::decode(value)?;
        Ok(raw.parse::<Day>()?)
    }
}

impl sqlx::Type<sqlx::Any> for Day {
    fn type_info() -> sqlx::any::AnyTypeInfo {
        <String as sqlx::Type<sqlx::Any>>::type_info()
    }
    fn compatible(ty: &sqlx::any::AnyTypeInfo) -> bool {
        <String as sqlx::Type<sqlx::Any>>::compatible(ty)
    }
}

/// A day is written as the text it is read from.
impl sqlx::Encode<'_, sqlx::Any> for Day {
    fn encode_by_ref(
        &self,
        buf: &mut <sqlx::Any as sqlx::Database>::ArgumentBuffer,
    ) -> Result<sqlx::encode::IsNull, sqlx::error::BoxDynError> {
        <String as sqlx::Encode<'_, sqlx::Any>>::encode(self.to_string(), buf)
    }
}

/// A time column (RFC 3339 text, UTC, on both databases) read into a [`Stamp`], once, here; a
/// field of type `Stamp` or `Option<Stamp>` needs no attribute. Text that is not a time fails
/// the row with `NotAStamp` as its cause, which `DbError` turns into `Corrupt`.
impl<'r> sqlx::Decode<'r, sqlx::Any> for Stamp {
    fn decode(value: sqlx::any::AnyValueRef<'r>) -> Result<Self, sqlx::error::BoxDynError> {
        let raw = <String as sqlx::Decode<'r, sqlx::Any>>::decode(value)?;
        Ok(raw.parse::<Stamp>()?)
    }
}

impl sqlx::Type<sqlx::Any> for Stamp {
    fn type_info() -> sqlx::any::AnyTypeInfo {
        <String as sqlx::Type<sqlx::Any>>::type_info()
    }
    fn compatible(ty: &sqlx::any::AnyTypeInfo) -> bool {
        <String as sqlx::Type<sqlx::Any>>::compatible(ty)
    }
}

/// A stamp is written as the text `clock::stamp()` writes.
impl sqlx::Encode<'_, sqlx::Any> for Stamp {
    fn encode_by_ref(
        &self,
        buf: &mut <sqlx::Any as sqlx::Database>::ArgumentBuffer,
    ) -> Result<sqlx::encode::IsNull, sqlx::error::BoxDynError> {
        <String as sqlx::Encode<'_, sqlx::Any>>::encode(self.to_string(), buf)
    }
}

/// The field's value out of its wrapper, per vocabulary (a blanket `impl<T> From<Code<T>> for T`
/// is not allowed in this crate).
macro_rules! stored_vocabularies {
    ($($t:ty),+ $(,)?) => {
        $(
            impl From<Code<$t>> for $t {
                fn from(c: Code<$t>) -> $t {
                    c.0
                }
            }
            impl From<OptionalCode<$t>> for Option<$t> {
                fn from(c: OptionalCode<$t>) -> Option<$t> {
                    c.0
                }
            }
        )+
    };
}

stored_vocabularies!(
    beredd_domain::risk::Axis,
    beredd_domain::RiskScope,
    beredd_domain::Channel,
    beredd_domain::ActionOrigin,
    beredd_domain::recovery::BacklogKind,
    beredd_domain::recovery::BacklogPriority,
    beredd_domain::SystemKind,
    beredd_domain::reporting::AssessmentKind,
    beredd_domain::reporting::Outcome,
    beredd_domain::Hosting,
    beredd_domain::ResourceKind,
    beredd_domain::Criticality,
    beredd_domain::UnitKind,
    beredd_domain::ContactKind,
    beredd_domain::Priority,
    beredd_domain::ActionStatus,
    beredd_domain::NodeKind,
    beredd_domain::NeedKind,
    beredd_domain::Role,
    beredd_domain::risk::RiskDecision,
    beredd_domain::plan::PlanStatus,
    beredd_domain::incident::IncidentStatus,
    beredd_domain::incident::LessonKind,
    beredd_domain::incident::LessonTarget,
    beredd_domain::cycle::CycleKind,
    beredd_domain::document::DocumentKind,
    beredd_domain::training::CourseKind,
    beredd_domain::training::Audience,
    beredd_domain::Fulfilment,
    beredd_domain::job::JobKind,
    beredd_domain::job::JobState,
    beredd_domain::job::JobStep,
    beredd_domain::classification::Origin,
    beredd_domain::sharing::SharedKind,
);
