from django.urls import path

from .views import agreement, editing, reading, review

plan = "families/<int:family_id>/plan/"
version = plan + "versions/<int:version_id>/"
part = version + "<slug:kind>/"

urlpatterns = [
    path(plan, reading.plan, name="plan"),
    path(plan + "start/", editing.plan_start, name="plan_start"),
    path(plan + "history/", reading.plan_history, name="plan_history"),
    path(plan + "settings/", editing.plan_settings, name="plan_settings"),
    path(plan + "goals/<int:goal_id>/", reading.plan_goal, name="plan_goal"),
    path(
        plan + "strategies/<int:part_id>/steps/",
        editing.plan_strategy_step,
        name="plan_strategy_step",
    ),
    path(version, reading.plan_version, name="plan_version"),
    path(version + "plan.pdf", reading.plan_pdf, name="plan_pdf"),
    path(version + "edit/", editing.plan_edit, name="plan_edit"),
    path(version + "crisis-plan/", editing.plan_crisis_edit, name="plan_crisis_edit"),
    path(version + "propose/", editing.plan_propose, name="plan_propose"),
    path(version + "agree/", agreement.plan_agree, name="plan_agree"),
    path(version + "acknowledge/", agreement.plan_acknowledge, name="plan_acknowledge"),
    path(version + "record-answer/", agreement.plan_record_agreement, name="plan_record_agreement"),
    path(part + "new/", editing.plan_part_add, name="plan_part_add"),
    path(part + "<int:part_id>/", editing.plan_part_edit, name="plan_part_edit"),
    path(part + "<int:part_id>/remove/", editing.plan_part_remove, name="plan_part_remove"),
    path(
        "families/<int:family_id>/meetings/<int:meeting_id>/plan-review/",
        review.plan_review,
        name="plan_review",
    ),
]
