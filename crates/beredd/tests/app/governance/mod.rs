//! Governance over HTTP: steering documents and their read acknowledgements, training and what
//! is due, the record of processing activities (GDPR art. 30), the management review, and
//! Beredd's own personal data: protected people, thinning and the kit's impact assessment.

mod documents;
mod privacy;
mod processing;
mod review;
mod training;
