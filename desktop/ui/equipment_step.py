"""The name forms/wizard.yaml gives the equipment step (`desktop.ui.equipment_step:EquipmentStep`)."""

from __future__ import annotations

from desktop.ui.equipment_page import EquipmentPage

EquipmentStep = EquipmentPage

__all__ = ["EquipmentStep"]
