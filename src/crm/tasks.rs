//! Tasks (to-dos for the team): `/api/tasks`. `completedAt` is the server's record of when a
//! task was completed, and `task.completed` is written once each time a task becomes completed.

use serde::{Deserialize, Serialize};
use sqlx::FromRow;
use utoipa::{IntoParams, ToSchema};

use super::contacts::Contacts;
use super::leads::Leads;
use super::properties::Properties;
use super::team::TeamMembers;
use crate::resource::validate::{optional_text, text};
use crate::resource::{Columns, Patch, patch_body};
use crate::resource::{Creatable, Ctx, Deletable, Filters, Meta, Resource, Updatable};
use crate::text_enum;
use crate::vocab::error::ApiResult;
use crate::vocab::values::{Timestamp, Value};

text_enum! {
    /// What kind of work the task is.
    pub enum TaskType {
        Call = "call",
        Email = "email",
        Meeting = "meeting",
        FollowUp = "follow_up",
        Other = "other",
    }
}

text_enum! {
    pub enum TaskPriority {
        Low = "LOW",
        Medium = "MEDIUM",
        High = "HIGH",
        Urgent = "URGENT",
    }
}

text_enum! {
    pub enum TaskStatus {
        Pending = "pending",
        InProgress = "in_progress",
        Completed = "completed",
    }
}

/// A task for a team member, optionally about a contact, lead or property.
#[derive(Debug, Clone, Serialize, FromRow, Columns, ToSchema)]
#[serde(rename_all = "camelCase")]
#[schema(example = json!({
    "id": "task_01JDQ8Z5V3W2X1Y0Z9A8B7C6D5", "title": "Follow up with John Smith",
    "description": null, "type": "call", "priority": "HIGH", "status": "pending",
    "dueDate": "2025-01-20T17:00:00.000Z", "assignedToId": "tm_01JDQ8Z5V3W2X1Y0Z9A8B7C6D5",
    "contactId": "cont_01JDQ8Z5V3W2X1Y0Z9A8B7C6D5", "leadId": null, "propertyId": null,
    "completedAt": null, "createdAt": "2025-01-15T10:30:00.000Z", "updatedAt": "2025-01-15T10:30:00.000Z"
}))]
pub struct Task {
    pub id: String,
    pub title: String,
    pub description: Option<String>,
    #[serde(rename = "type")]
    #[sqlx(rename = "type")]
    pub task_type: TaskType,
    pub priority: TaskPriority,
    pub status: TaskStatus,
    pub due_date: Option<Timestamp>,
    /// The team member the task is assigned to.
    #[schema(example = "tm_01JDQ8Z5V3W2X1Y0Z9A8B7C6D5")]
    pub assigned_to_id: Option<String>,
    pub contact_id: Option<String>,
    pub lead_id: Option<String>,
    pub property_id: Option<String>,
    /// Set by the server when the status becomes `completed`; cleared when it leaves it.
    pub completed_at: Option<Timestamp>,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[schema(example = json!({
    "title": "Follow up with John Smith", "type": "call", "priority": "HIGH",
    "dueDate": "2025-01-20T17:00:00Z", "assignedToId": "tm_01JDQ8Z5V3W2X1Y0Z9A8B7C6D5",
    "contactId": "cont_01JDQ8Z5V3W2X1Y0Z9A8B7C6D5"
}))]
pub struct CreateTask {
    /// At most 200 characters.
    #[schema(min_length = 1, max_length = 200)]
    pub title: String,
    #[schema(max_length = 10_000)]
    pub description: Option<String>,
    /// call, email, meeting, follow_up or other (default `other`).
    #[serde(rename = "type")]
    #[schema(rename = "type")]
    pub task_type: Option<TaskType>,
    /// LOW, MEDIUM, HIGH or URGENT (default `MEDIUM`).
    pub priority: Option<TaskPriority>,
    /// pending, in_progress or completed (default `pending`).
    pub status: Option<TaskStatus>,
    pub due_date: Option<Timestamp>,
    pub assigned_to_id: Option<String>,
    pub contact_id: Option<String>,
    pub lead_id: Option<String>,
    pub property_id: Option<String>,
}

/// Only the fields sent change; `null` clears an optional field.
#[patch_body]
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[schema(example = json!({"status": "completed"}))]
pub struct UpdateTask {
    #[schema(min_length = 1, max_length = 200)]
    pub title: Patch<String>,
    #[schema(max_length = 10_000)]
    pub description: Patch<Option<String>>,
    #[serde(rename = "type")]
    #[schema(rename = "type")]
    pub task_type: Patch<TaskType>,
    pub priority: Patch<TaskPriority>,
    pub status: Patch<TaskStatus>,
    pub due_date: Patch<Option<Timestamp>>,
    pub assigned_to_id: Patch<Option<String>>,
    pub contact_id: Patch<Option<String>>,
    pub lead_id: Patch<Option<String>>,
    pub property_id: Patch<Option<String>>,
}

#[derive(Debug, Default, Deserialize, IntoParams)]
#[serde(rename_all = "camelCase")]
#[into_params(parameter_in = Query)]
pub struct TaskFilter {
    /// pending, in_progress or completed.
    #[param(example = "pending")]
    pub status: Option<TaskStatus>,
    /// Tasks assigned to this team member.
    pub assigned_to_id: Option<String>,
    /// LOW, MEDIUM, HIGH or URGENT.
    #[param(example = "HIGH")]
    pub priority: Option<TaskPriority>,
    /// Tasks due before this instant (RFC 3339).
    #[param(value_type = Option<String>, format = DateTime, example = "2025-01-21T00:00:00Z")]
    pub due_before: Option<Timestamp>,
    /// Tasks due at or after this instant (RFC 3339).
    #[param(value_type = Option<String>, format = DateTime, example = "2025-01-20T00:00:00Z")]
    pub due_after: Option<Timestamp>,
}

pub struct Tasks;

/// Checks that every id the task references exists in this organization.
async fn check_references(ctx: &mut Ctx<'_>, t: &Task) -> ApiResult<()> {
    ctx.check_reference::<TeamMembers>("assignedToId", t.assigned_to_id.as_deref()).await?;
    ctx.check_reference::<Contacts>("contactId", t.contact_id.as_deref()).await?;
    ctx.check_reference::<Leads>("leadId", t.lead_id.as_deref()).await?;
    ctx.check_reference::<Properties>("propertyId", t.property_id.as_deref()).await
}

const COMPLETED: &str = "task.completed";

impl Resource for Tasks {
    const META: Meta = Meta {
        name: "task",
        plural: "tasks",
        path: "/tasks",
        table: "tasks",
        id_prefix: "task",
        scope: "tasks",
        tag: "Tasks",
    };

    const EXTRA_EVENTS: &'static [(&'static str, &'static str)] =
        &[("task.completed", "A task was marked as completed (once per completion, besides task.updated).")];

    type Record = Task;
    type Filter = TaskFilter;

    fn filter(f: &TaskFilter, filters: &mut Filters) {
        filters.eq("status", f.status);
        filters.eq("assigned_to_id", f.assigned_to_id.clone());
        filters.eq("priority", f.priority);
        if let Some(before) = f.due_before {
            filters.raw("due_date < ?".into(), [Value::from(before)]);
        }
        filters.at_least("due_date", f.due_after);
    }
}

impl Creatable for Tasks {
    type CreateBody = CreateTask;

    async fn create(ctx: &mut Ctx<'_>, input: CreateTask) -> ApiResult<Task> {
        let now = ctx.now();
        let status = input.status.unwrap_or(TaskStatus::Pending);
        let task = Task {
            id: ctx.new_id(Self::META.id_prefix),
            title: text("title", &input.title, 200)?,
            description: optional_text("description", input.description.as_deref(), 10_000)?,
            task_type: input.task_type.unwrap_or(TaskType::Other),
            priority: input.priority.unwrap_or(TaskPriority::Medium),
            status,
            due_date: input.due_date,
            assigned_to_id: input.assigned_to_id,
            contact_id: input.contact_id,
            lead_id: input.lead_id,
            property_id: input.property_id,
            completed_at: (status == TaskStatus::Completed).then_some(now),
            created_at: now,
            updated_at: now,
        };
        check_references(ctx, &task).await?;
        Ok(task)
    }

    /// `task.created`, and `task.completed` too for a task created already completed.
    fn create_events(task: &Task) -> Vec<String> {
        let mut events = vec!["task.created".to_owned()];
        if task.status == TaskStatus::Completed {
            events.push(COMPLETED.to_owned());
        }
        events
    }
}

impl Updatable for Tasks {
    type UpdateBody = UpdateTask;

    async fn update(ctx: &mut Ctx<'_>, mut t: Task, change: UpdateTask) -> ApiResult<Task> {
        let was_completed = t.status == TaskStatus::Completed;
        if let Some(title) = change.title.into_option() {
            t.title = text("title", &title, 200)?;
        }
        t.description = optional_text("description", change.description.or(t.description).as_deref(), 10_000)?;
        t.task_type = change.task_type.or(t.task_type);
        t.priority = change.priority.or(t.priority);
        t.status = change.status.or(t.status);
        t.due_date = change.due_date.or(t.due_date);
        t.assigned_to_id = change.assigned_to_id.or(t.assigned_to_id);
        t.contact_id = change.contact_id.or(t.contact_id);
        t.lead_id = change.lead_id.or(t.lead_id);
        t.property_id = change.property_id.or(t.property_id);
        t.completed_at = match (was_completed, t.status == TaskStatus::Completed) {
            (false, true) => Some(ctx.now()),
            (true, false) => None,
            _ => t.completed_at,
        };
        check_references(ctx, &t).await?;
        Ok(t)
    }

    /// `task.updated`, and `task.completed` when the status becomes completed.
    fn update_events(before: &Task, after: &Task) -> Vec<String> {
        let mut events = vec!["task.updated".to_owned()];
        if before.status != TaskStatus::Completed && after.status == TaskStatus::Completed {
            events.push(COMPLETED.to_owned());
        }
        events
    }
}

impl Deletable for Tasks {}
