//! The workshop's checklist: questions answered yes or no per product (domain.md, "Advice").

use std::collections::BTreeMap;
use std::fmt;

use serde::de::{self, MapAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// Which seat a question argues for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum QuestionSide {
    Pm,
    Po,
    Combining,
}

/// A checklist question, in domain.md's order (the derived order is that order).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Question {
    NeedsStrategy,
    MarketResearch,
    ManyDepartments,
    NewProducts,
    ValidatingFit,
    OutcomesOverVelocity,
    ClearVision,
    DeliveryBottleneck,
    ExperiencedHybrid,
    ClearPriorities,
}

impl Question {
    /// Every question, in domain.md's order.
    pub const ALL: [Question; 10] = [
        Question::NeedsStrategy,
        Question::MarketResearch,
        Question::ManyDepartments,
        Question::NewProducts,
        Question::ValidatingFit,
        Question::OutcomesOverVelocity,
        Question::ClearVision,
        Question::DeliveryBottleneck,
        Question::ExperiencedHybrid,
        Question::ClearPriorities,
    ];

    /// The id files and JSON use.
    pub fn id(self) -> &'static str {
        match self {
            Question::NeedsStrategy => "needs_strategy",
            Question::MarketResearch => "market_research",
            Question::ManyDepartments => "many_departments",
            Question::NewProducts => "new_products",
            Question::ValidatingFit => "validating_fit",
            Question::OutcomesOverVelocity => "outcomes_over_velocity",
            Question::ClearVision => "clear_vision",
            Question::DeliveryBottleneck => "delivery_bottleneck",
            Question::ExperiencedHybrid => "experienced_hybrid",
            Question::ClearPriorities => "clear_priorities",
        }
    }

    /// The question with this id.
    pub fn from_id(id: &str) -> Option<Question> {
        Question::ALL.into_iter().find(|q| q.id() == id)
    }

    /// The articles the question comes from, as domain.md writes them.
    pub fn source(self) -> &'static str {
        match self {
            Question::NeedsStrategy
            | Question::MarketResearch
            | Question::NewProducts
            | Question::ClearVision => "001",
            Question::ManyDepartments | Question::DeliveryBottleneck => "000, 001",
            Question::ValidatingFit | Question::OutcomesOverVelocity => "000",
            Question::ExperiencedHybrid | Question::ClearPriorities => "003",
        }
    }

    /// Which side of the decision the question counts for.
    pub fn side(self) -> QuestionSide {
        match self {
            Question::NeedsStrategy
            | Question::MarketResearch
            | Question::ManyDepartments
            | Question::NewProducts
            | Question::ValidatingFit
            | Question::OutcomesOverVelocity => QuestionSide::Pm,
            Question::ClearVision | Question::DeliveryBottleneck => QuestionSide::Po,
            Question::ExperiencedHybrid | Question::ClearPriorities => QuestionSide::Combining,
        }
    }

    /// The question as a workshop reads it.
    pub fn text(self) -> &'static str {
        match self {
            Question::NeedsStrategy => "Does the product need someone to set its strategy?",
            Question::MarketResearch => "Is market and customer research a large part of the work?",
            Question::ManyDepartments => {
                "Must the work be aligned across many departments (sales, marketing, leadership)?"
            }
            Question::NewProducts => "Are new products or new markets being opened?",
            Question::ValidatingFit => "Is product-market fit still being validated?",
            Question::OutcomesOverVelocity => {
                "Is success measured by business outcomes rather than delivery speed?"
            }
            Question::ClearVision => "Is the product vision already clear and agreed?",
            Question::DeliveryBottleneck => {
                "Is delivery (the backlog, the sprints) the bottleneck?"
            }
            Question::ExperiencedHybrid => {
                "Is there someone experienced at doing both roles at once?"
            }
            Question::ClearPriorities => "Are the priorities clear and stable?",
        }
    }
}

/// A product's answers, kept in domain.md's question order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Checklist(pub BTreeMap<Question, bool>);

impl Checklist {
    /// The answer to a question, if given.
    pub fn answer(&self, q: Question) -> Option<bool> {
        self.0.get(&q).copied()
    }

    /// Answers a question, or clears its answer with `None`.
    pub fn set(&mut self, q: Question, answer: Option<bool>) {
        match answer {
            Some(a) => {
                self.0.insert(q, a);
            }
            None => {
                self.0.remove(&q);
            }
        }
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl Serialize for Checklist {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(self.0.iter().map(|(q, a)| (q.id(), a)))
    }
}

impl<'de> Deserialize<'de> for Checklist {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_map(ChecklistVisitor)
    }
}

struct ChecklistVisitor;

impl<'de> Visitor<'de> for ChecklistVisitor {
    type Value = Checklist;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a checklist such as {\"clear_vision\": true}")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Checklist, A::Error> {
        let mut answers = BTreeMap::new();
        while let Some(key) = map.next_key::<String>()? {
            let Some(q) = Question::from_id(&key) else {
                let known: Vec<&str> = Question::ALL.iter().map(|q| q.id()).collect();
                return Err(de::Error::custom(format!(
                    "the checklist has an unknown question `{key}`; the questions are {}",
                    known.join(", ")
                )));
            };
            let answer: bool = map.next_value().map_err(|_: A::Error| {
                de::Error::custom(format!(
                    "the checklist answer to `{key}` must be true or false"
                ))
            })?;
            if answers.insert(q, answer).is_some() {
                return Err(de::Error::custom(format!(
                    "the checklist answers the question `{key}` twice"
                )));
            }
        }
        Ok(Checklist(answers))
    }
}
