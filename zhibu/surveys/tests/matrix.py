from zhibu.core.testing import ALL_OK, Case

from .factories import QuestionFactory, SurveyFactory

ORG_A = "?org=yucai"
# Officers and the bureau read results; members (staff are among those surveyed) and the checker
# do not; another branch's secretary finds nothing of branch A. The questionnaire is public.
VIEW = {"secretary": 200, "committee": 200, "member": 403, "checker": 403, "bureau": 200, "outsider": 404}
MANAGE = {**VIEW, "bureau": 403}


def a_survey(world):
    survey = SurveyFactory(organisation=world.branch)
    QuestionFactory(survey=survey)
    return {"pk": survey.pk}


def a_public_survey(world):
    survey = SurveyFactory(organisation=world.branch)
    QuestionFactory(survey=survey)
    return {"public_id": survey.public_id}


MATRIX = {
    "surveys:index": Case(expect=VIEW, query=ORG_A),
    "surveys:create": Case(expect=MANAGE, query=ORG_A),
    "surveys:survey": Case(expect=VIEW, kwargs=a_survey),
    "surveys:edit": Case(expect=MANAGE, kwargs=a_survey),
    "surveys:slips": Case(expect=MANAGE, kwargs=a_survey),
    "surveys:export": Case(expect=VIEW, kwargs=a_survey),
    "surveys:answer": Case(expect=ALL_OK, kwargs=a_public_survey, anonymous=200),
    "surveys:thanks": Case(expect=ALL_OK, kwargs=a_public_survey, anonymous=200),
}
