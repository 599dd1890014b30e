"""Contains all the data models used in inputs/outputs"""

from .aging import Aging
from .aging_row import AgingRow
from .aging_totals import AgingTotals
from .api_key import ApiKey
from .application import Application
from .application_status import ApplicationStatus
from .approve import Approve
from .attempt import Attempt
from .audit_entry import AuditEntry
from .booking import Booking
from .booking_link import BookingLink
from .booking_page import BookingPage
from .booking_request import BookingRequest
from .call import Call
from .category_total import CategoryTotal
from .change_role import ChangeRole
from .charge_status import ChargeStatus
from .complete_inspection import CompleteInspection
from .complete_work_order import CompleteWorkOrder
from .condition import Condition
from .console_role import ConsoleRole
from .contact import Contact
from .contact_type import ContactType
from .conversion import Conversion
from .create_booking_link import CreateBookingLink
from .create_call import CreateCall
from .create_contact import CreateContact
from .create_endpoint import CreateEndpoint
from .create_expense_category import CreateExpenseCategory
from .create_inspection import CreateInspection
from .create_key import CreateKey
from .create_lead import CreateLead
from .create_lease import CreateLease
from .create_payment import CreatePayment
from .create_plan import CreatePlan
from .create_product import CreateProduct
from .create_property import CreateProperty
from .create_rent_payment import CreateRentPayment
from .create_showing import CreateShowing
from .create_task import CreateTask
from .create_team_member import CreateTeamMember
from .create_tenant import CreateTenant
from .create_unit import CreateUnit
from .create_vendor import CreateVendor
from .create_work_order import CreateWorkOrder
from .created_api_key import CreatedApiKey
from .credential_usage import CredentialUsage
from .dashboard import Dashboard
from .day_counts import DayCounts
from .deleted import Deleted
from .delinquent import Delinquent
from .delivery import Delivery
from .delivery_stats import DeliveryStats
from .delivery_status import DeliveryStatus
from .delivery_with_attempts import DeliveryWithAttempts
from .deny import Deny
from .direction import Direction
from .endpoint import Endpoint
from .endpoint_headers import EndpointHeaders
from .endpoint_secret import EndpointSecret
from .endpoint_with_secret import EndpointWithSecret
from .error_body import ErrorBody
from .event import Event
from .event_data import EventData
from .event_type import EventType
from .event_type_example import EventTypeExample
from .event_type_name import EventTypeName
from .event_type_schema import EventTypeSchema
from .expense import Expense
from .expense_action_type_0 import ExpenseActionType0
from .expense_action_type_0_action import ExpenseActionType0Action
from .expense_action_type_1 import ExpenseActionType1
from .expense_action_type_1_action import ExpenseActionType1Action
from .expense_action_type_2 import ExpenseActionType2
from .expense_action_type_2_action import ExpenseActionType2Action
from .expense_category import ExpenseCategory
from .expense_totals import ExpenseTotals
from .form_accepted import FormAccepted
from .graphql_request import GraphqlRequest
from .graphql_request_variables_type_0 import GraphqlRequestVariablesType0
from .graphql_response import GraphqlResponse
from .graphql_response_data_type_0 import GraphqlResponseDataType0
from .graphql_response_errors_type_0_item import GraphqlResponseErrorsType0Item
from .initial_payment_status import InitialPaymentStatus
from .inspection import Inspection
from .inspection_item import InspectionItem
from .inspection_status import InspectionStatus
from .inspection_type import InspectionType
from .installment import Installment
from .invitation import Invitation
from .invite import Invite
from .json_text import JsonText
from .late_fee_type_0 import LateFeeType0
from .late_fee_type_0_type import LateFeeType0Type
from .late_fee_type_1 import LateFeeType1
from .late_fee_type_1_type import LateFeeType1Type
from .lead import Lead
from .lead_form import LeadForm
from .lead_status import LeadStatus
from .lease import Lease
from .lease_status import LeaseStatus
from .lease_terms import LeaseTerms
from .limits import Limits
from .member import Member
from .occupancy import Occupancy
from .organization import Organization
from .payment import Payment
from .payment_method import PaymentMethod
from .payment_plan import PaymentPlan
from .payment_status import PaymentStatus
from .plan import Plan
from .plan_standing import PlanStanding
from .plan_status import PlanStatus
from .prioritize_request import PrioritizeRequest
from .prioritized import Prioritized
from .product import Product
from .property_ import Property
from .property_status import PropertyStatus
from .property_type import PropertyType
from .recover import Recover
from .recovered import Recovered
from .rent_charge import RentCharge
from .rent_payment import RentPayment
from .role import Role
from .route_usage import RouteUsage
from .scheme import Scheme
from .showing import Showing
from .showing_status import ShowingStatus
from .static_headers import StaticHeaders
from .status import Status
from .submit_application import SubmitApplication
from .submit_application_answers_type_0 import SubmitApplicationAnswersType0
from .summary_source import SummarySource
from .task import Task
from .task_priority import TaskPriority
from .task_status import TaskStatus
from .task_type import TaskType
from .team_member import TeamMember
from .tenant import Tenant
from .test_result import TestResult
from .unit import Unit
from .unit_status import UnitStatus
from .update_application import UpdateApplication
from .update_application_answers import UpdateApplicationAnswers
from .update_booking_link import UpdateBookingLink
from .update_call import UpdateCall
from .update_contact import UpdateContact
from .update_endpoint import UpdateEndpoint
from .update_entry import UpdateEntry
from .update_inspection import UpdateInspection
from .update_lead import UpdateLead
from .update_lease import UpdateLease
from .update_organization import UpdateOrganization
from .update_payment import UpdatePayment
from .update_plan import UpdatePlan
from .update_product import UpdateProduct
from .update_property import UpdateProperty
from .update_showing import UpdateShowing
from .update_task import UpdateTask
from .update_team_member import UpdateTeamMember
from .update_tenant import UpdateTenant
from .update_unit import UpdateUnit
from .update_vendor import UpdateVendor
from .update_work_order import UpdateWorkOrder
from .usage_day import UsageDay
from .usage_report import UsageReport
from .vendor import Vendor
from .vendor_facts import VendorFacts
from .vendor_summary import VendorSummary
from .vendor_summary_request import VendorSummaryRequest
from .work_order import WorkOrder
from .work_order_priority import WorkOrderPriority
from .work_order_status import WorkOrderStatus
from .written import Written

__all__ = (
    "Aging",
    "AgingRow",
    "AgingTotals",
    "ApiKey",
    "Application",
    "ApplicationStatus",
    "Approve",
    "Attempt",
    "AuditEntry",
    "Booking",
    "BookingLink",
    "BookingPage",
    "BookingRequest",
    "Call",
    "CategoryTotal",
    "ChangeRole",
    "ChargeStatus",
    "CompleteInspection",
    "CompleteWorkOrder",
    "Condition",
    "ConsoleRole",
    "Contact",
    "ContactType",
    "Conversion",
    "CreateBookingLink",
    "CreateCall",
    "CreateContact",
    "CreatedApiKey",
    "CreateEndpoint",
    "CreateExpenseCategory",
    "CreateInspection",
    "CreateKey",
    "CreateLead",
    "CreateLease",
    "CreatePayment",
    "CreatePlan",
    "CreateProduct",
    "CreateProperty",
    "CreateRentPayment",
    "CreateShowing",
    "CreateTask",
    "CreateTeamMember",
    "CreateTenant",
    "CreateUnit",
    "CreateVendor",
    "CreateWorkOrder",
    "CredentialUsage",
    "Dashboard",
    "DayCounts",
    "Deleted",
    "Delinquent",
    "Delivery",
    "DeliveryStats",
    "DeliveryStatus",
    "DeliveryWithAttempts",
    "Deny",
    "Direction",
    "Endpoint",
    "EndpointHeaders",
    "EndpointSecret",
    "EndpointWithSecret",
    "ErrorBody",
    "Event",
    "EventData",
    "EventType",
    "EventTypeExample",
    "EventTypeName",
    "EventTypeSchema",
    "Expense",
    "ExpenseActionType0",
    "ExpenseActionType0Action",
    "ExpenseActionType1",
    "ExpenseActionType1Action",
    "ExpenseActionType2",
    "ExpenseActionType2Action",
    "ExpenseCategory",
    "ExpenseTotals",
    "FormAccepted",
    "GraphqlRequest",
    "GraphqlRequestVariablesType0",
    "GraphqlResponse",
    "GraphqlResponseDataType0",
    "GraphqlResponseErrorsType0Item",
    "InitialPaymentStatus",
    "Inspection",
    "InspectionItem",
    "InspectionStatus",
    "InspectionType",
    "Installment",
    "Invitation",
    "Invite",
    "JsonText",
    "LateFeeType0",
    "LateFeeType0Type",
    "LateFeeType1",
    "LateFeeType1Type",
    "Lead",
    "LeadForm",
    "LeadStatus",
    "Lease",
    "LeaseStatus",
    "LeaseTerms",
    "Limits",
    "Member",
    "Occupancy",
    "Organization",
    "Payment",
    "PaymentMethod",
    "PaymentPlan",
    "PaymentStatus",
    "Plan",
    "PlanStanding",
    "PlanStatus",
    "Prioritized",
    "PrioritizeRequest",
    "Product",
    "Property",
    "PropertyStatus",
    "PropertyType",
    "Recover",
    "Recovered",
    "RentCharge",
    "RentPayment",
    "Role",
    "RouteUsage",
    "Scheme",
    "Showing",
    "ShowingStatus",
    "StaticHeaders",
    "Status",
    "SubmitApplication",
    "SubmitApplicationAnswersType0",
    "SummarySource",
    "Task",
    "TaskPriority",
    "TaskStatus",
    "TaskType",
    "TeamMember",
    "Tenant",
    "TestResult",
    "Unit",
    "UnitStatus",
    "UpdateApplication",
    "UpdateApplicationAnswers",
    "UpdateBookingLink",
    "UpdateCall",
    "UpdateContact",
    "UpdateEndpoint",
    "UpdateEntry",
    "UpdateInspection",
    "UpdateLead",
    "UpdateLease",
    "UpdateOrganization",
    "UpdatePayment",
    "UpdatePlan",
    "UpdateProduct",
    "UpdateProperty",
    "UpdateShowing",
    "UpdateTask",
    "UpdateTeamMember",
    "UpdateTenant",
    "UpdateUnit",
    "UpdateVendor",
    "UpdateWorkOrder",
    "UsageDay",
    "UsageReport",
    "Vendor",
    "VendorFacts",
    "VendorSummary",
    "VendorSummaryRequest",
    "WorkOrder",
    "WorkOrderPriority",
    "WorkOrderStatus",
    "Written",
)
