from ding.models import DingGroup, Word

from ding import Ding

app = Ding()


def index(request):
    return DingGroup.objects.filter(word__in=Word.objects.all())
